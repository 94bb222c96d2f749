package dev.twilioconnector.bench;

/**
 * The same three Messages requests, made by one of the clients a Java user could pick. Each returns what it read
 * from the parsed response, so the benchmark can check that every client really parsed it.
 */
interface MessagesClient extends AutoCloseable {

    String TO = "+15558675310";
    String FROM = "+15017122661";
    String BODY = "McAvoy or Stewart? These timelines can get so confusing.";

    /** The short name printed in the tables. */
    String name();

    /** Messages Get of the message the client was made for: the sid of the message read. */
    String get() throws Exception;

    /** Messages Create from {@link #FROM} to {@link #TO} with {@link #BODY}: the sid of the message created. */
    String create() throws Exception;

    /** Messages List of one page of {@link CannedTwilioResponses#PAGE_SIZE}: the sid of the page's last message. */
    String list() throws Exception;
}
