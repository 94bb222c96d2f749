package dev.twilioconnector.operation;

/**
 * What an operation returns (connectorOutputPayload).
 *
 * @param body          a {@code Map<String,Object>} record, or a {@code List} of them for List
 * @param nextPageToken where the next List page starts, null on the last page and for other operations
 */
public record ConnectorResult(Object body, String nextPageToken) {
}
