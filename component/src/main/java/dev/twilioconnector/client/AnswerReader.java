package dev.twilioconnector.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;

/**
 * Makes what a request's caller needs out of Twilio's successful JSON answer, read as it arrives: the records an
 * operation returns are built straight from the parser, without a tree of the whole answer in between.
 */
@FunctionalInterface
public interface AnswerReader {

    /** The answer as Jackson's tree, a missing node when it has no body. */
    AnswerReader TREE = json -> {
        JsonNode tree = json.readValueAsTree();
        return tree == null ? MissingNode.getInstance() : tree;
    };

    /**
     * @param json a parser before the answer's first token, which {@code nextToken()} gives as null when the answer
     *             has no body
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the answer is not JSON
     */
    Object read(JsonParser json) throws IOException;
}
