package dev.twilioconnector.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many requests per second the connection as a whole may send: each node enforces
 * {@code transactionsPerSecond} on its own, so the capacity is that rate times the node count, from
 * {@code minNodes} to {@code maxNodes}.
 */
public record ConnectionCapacity(int transactionsPerSecondPerNode, NodeRange nodes) {

    public long minTransactionsPerSecond() {
        return (long) transactionsPerSecondPerNode * nodes.min();
    }

    public long maxTransactionsPerSecond() {
        return (long) transactionsPerSecondPerNode * nodes.max();
    }

    /** As health-check details. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("nodes.min", nodes.min());
        details.put("nodes.max", nodes.max());
        details.put("transactions.per.second.per.node", transactionsPerSecondPerNode);
        details.put("capacity.transactions.per.second.min", minTransactionsPerSecond());
        details.put("capacity.transactions.per.second.max", maxTransactionsPerSecond());
        return details;
    }
}
