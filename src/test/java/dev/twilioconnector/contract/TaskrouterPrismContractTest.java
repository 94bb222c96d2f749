package dev.twilioconnector.contract;

import dev.twilioconnector.headers.TwilioConnectorConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.twilioconnector.contract.PrismProduct.ordered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * TaskRouter workspaces and the workers, tasks and task queues in them, through the catalog's {@code Taskrouter.*}
 * entities, against Prism serving Twilio's {@code twilio_taskrouter_v1.json}: no request refused, the records
 * Twilio's examples.
 */
class TaskrouterPrismContractTest {

    private static final String WORKSPACE = "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String WORKER = "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String TASK = "WTaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String QUEUE = "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String WORKFLOW = "WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String ACTIVITY = "WAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String WORKSPACES = "/v1/Workspaces";
    private static final String IN_WORKSPACE = WORKSPACES + "/" + WORKSPACE;
    private static PrismProduct taskrouter;

    @BeforeAll
    static void startPrism() throws Exception {
        taskrouter = PrismProduct.start("taskrouter", "twilio_taskrouter_v1.json");
    }

    @AfterAll
    static void stopPrism() {
        if (taskrouter != null) {
            taskrouter.close();
        }
    }

    @Test
    void everyOperationOnWorkspacesWorkersTasksAndQueuesIsAcceptedByTheDescription() {
        Map<String, Object> inWorkspace = Map.of("WorkspaceSid", WORKSPACE);
        String ofWorkspace = "?filterClause=WorkspaceSid = '" + WORKSPACE + "'";
        Map<String, Object> battery = ordered(
                "twilio-connector:Taskrouter.Workspaces/Create", Map.of("Name", "Support"),
                "twilio-connector:Taskrouter.Workspaces/List", null,
                "twilio-connector:Taskrouter.Workspaces/Get?entityId=" + WORKSPACE, null,
                "twilio-connector:Taskrouter.Workspaces/Update?entityId=" + WORKSPACE, Map.of("MultiTaskEnabled", true),
                "twilio-connector:Taskrouter.Workers/Create", Map.of("WorkspaceSid", WORKSPACE, "Name", "Alice"),
                "twilio-connector:Taskrouter.Workers/List" + ofWorkspace, null,
                "twilio-connector:Taskrouter.Workers/Get?entityId=" + WORKER, inWorkspace,
                "twilio-connector:Taskrouter.Workers/Update?entityId=" + WORKER, Map.of("WorkspaceSid", WORKSPACE,
                        "ActivitySid", ACTIVITY),
                "twilio-connector:Taskrouter.TaskQueues/Create", Map.of("WorkspaceSid", WORKSPACE, "Name", "Billing"),
                "twilio-connector:Taskrouter.TaskQueues/List" + ofWorkspace, null,
                "twilio-connector:Taskrouter.TaskQueues/Get?entityId=" + QUEUE, inWorkspace,
                "twilio-connector:Taskrouter.TaskQueues/Update?entityId=" + QUEUE, Map.of("WorkspaceSid", WORKSPACE,
                        "MaxReservedWorkers", 2),
                "twilio-connector:Taskrouter.Tasks/Create", Map.of("WorkspaceSid", WORKSPACE, "WorkflowSid", WORKFLOW),
                "twilio-connector:Taskrouter.Tasks/List" + ofWorkspace, null,
                "twilio-connector:Taskrouter.Tasks/Get?entityId=" + TASK, inWorkspace,
                "twilio-connector:Taskrouter.Tasks/Update?entityId=" + TASK, Map.of("WorkspaceSid", WORKSPACE,
                        "AssignmentStatus", "canceled", "Reason", "Customer hung up", "IfMatch", "\"2\""),
                "twilio-connector:Taskrouter.Tasks/Delete?entityId=" + TASK, inWorkspace,
                "twilio-connector:Taskrouter.TaskQueues/Delete?entityId=" + QUEUE, inWorkspace,
                "twilio-connector:Taskrouter.Workers/Delete?entityId=" + WORKER, inWorkspace,
                "twilio-connector:Taskrouter.Workspaces/Delete?entityId=" + WORKSPACE, null);
        int before = taskrouter.requests().size();

        Map<String, String> refused = taskrouter.refused(battery);

        assertThat(refused).as(taskrouter::log).isEmpty();
        String worker = IN_WORKSPACE + "/Workers/" + WORKER;
        String queue = IN_WORKSPACE + "/TaskQueues/" + QUEUE;
        String task = IN_WORKSPACE + "/Tasks/" + TASK;
        assertThat(taskrouter.requestsSince(before))
                .extracting(RecordingProxy.SentRequest::method, RecordingProxy.SentRequest::path)
                .containsExactly(
                        tuple("POST", WORKSPACES), tuple("GET", WORKSPACES), tuple("GET", IN_WORKSPACE),
                        tuple("POST", IN_WORKSPACE),
                        tuple("POST", IN_WORKSPACE + "/Workers"), tuple("GET", IN_WORKSPACE + "/Workers"),
                        tuple("GET", worker), tuple("POST", worker),
                        tuple("POST", IN_WORKSPACE + "/TaskQueues"), tuple("GET", IN_WORKSPACE + "/TaskQueues"),
                        tuple("GET", queue), tuple("POST", queue),
                        tuple("POST", IN_WORKSPACE + "/Tasks"), tuple("GET", IN_WORKSPACE + "/Tasks"),
                        tuple("GET", task), tuple("POST", task),
                        tuple("DELETE", task), tuple("DELETE", queue), tuple("DELETE", worker), tuple("DELETE", IN_WORKSPACE));
    }

    @Test
    void aWorkspaceIsCreatedFromATemplateAndListedByName() {
        int before = taskrouter.requests().size();

        Map<String, Object> created = taskrouter.record("twilio-connector:Taskrouter.Workspaces/Create", ordered(
                "Name", "Support", "Template", "FIFO", "PrioritizeQueueOrder", "LIFO",
                "EventCallbackUrl", "https://example.com/taskrouter"));
        List<Map<String, Object>> named = taskrouter.records("twilio-connector:Taskrouter.Workspaces/List?filterClause="
                + "Name = 'new'");

        List<RecordingProxy.SentRequest> sent = taskrouter.requestsSince(before);
        assertThat(sent.get(0).form()).containsExactlyInAnyOrder(entry("FriendlyName", "Support"), entry("Template", "FIFO"),
                entry("PrioritizeQueueOrder", "LIFO"), entry("EventCallbackUrl", "https://example.com/taskrouter"));
        assertThat(sent.get(1).queryParameters()).containsExactlyInAnyOrder(entry("FriendlyName", "new"), entry("PageSize", "25"));
        assertThat(created).contains(entry("Sid", WORKSPACE), entry("AccountSid", PrismProduct.ACCOUNT), entry("Name", "new"),
                entry("DefaultActivityName", "Offline"), entry("DefaultActivitySid", ACTIVITY), entry("EventCallbackUrl", ""),
                entry("EventsFilter", null), entry("DateCreated", "2016-08-01T22:10:40Z"));
        assertThat(named).extracting(workspace -> workspace.get("Sid"), workspace -> workspace.get("MultiTaskEnabled"),
                workspace -> workspace.get("PrioritizeQueueOrder")).containsExactly(tuple(WORKSPACE, false, "FIFO"));
    }

    @Test
    void aWorkerIsAddedListedByActivityAndMovedToAnotherActivity() {
        int before = taskrouter.requests().size();

        Map<String, Object> added = taskrouter.record("twilio-connector:Taskrouter.Workers/Create", ordered(
                "WorkspaceSid", WORKSPACE, "Name", "Alice", "Attributes", "{\"skills\":[\"billing\"]}"));
        List<Map<String, Object>> offline = taskrouter.records("twilio-connector:Taskrouter.Workers/List",
                "WorkspaceSid = '" + WORKSPACE + "' AND ActivityName = 'Offline' AND Available = false");
        Map<String, Object> moved = taskrouter.record("twilio-connector:Taskrouter.Workers/Update?entityId=" + WORKER,
                ordered("WorkspaceSid", WORKSPACE, "ActivitySid", ACTIVITY, "RejectPendingReservations", true));

        List<RecordingProxy.SentRequest> sent = taskrouter.requestsSince(before);
        assertThat(sent.get(0).form()).containsExactlyInAnyOrder(entry("FriendlyName", "Alice"),
                entry("Attributes", "{\"skills\":[\"billing\"]}"));
        assertThat(sent.get(1).queryParameters()).containsExactlyInAnyOrder(entry("ActivityName", "Offline"),
                entry("Available", "false"), entry("PageSize", "25"));
        assertThat(sent.get(2).form()).containsExactlyInAnyOrder(entry("ActivitySid", ACTIVITY),
                entry("RejectPendingReservations", "true"));
        assertThat(added).contains(entry("Sid", WORKER), entry("Name", "NewWorker"), entry("ActivityName", "Offline"),
                entry("Available", false), entry("DateStatusChanged", "2017-05-30T23:19:38Z"));
        assertThat(offline).extracting(worker -> worker.get("Sid"), worker -> worker.get("Name"))
                .containsExactly(tuple(WORKER, "testWorker"));
        assertThat(moved).contains(entry("Sid", WORKER), entry("Name", "blah"), entry("DateUpdated", "2017-05-31T00:05:57Z"));
    }

    @Test
    void aTaskIsCreatedForAWorkflowListedByStatusAndCanceled() {
        int before = taskrouter.requests().size();

        Map<String, Object> created = taskrouter.record("twilio-connector:Taskrouter.Tasks/Create", ordered(
                "WorkspaceSid", WORKSPACE, "WorkflowSid", WORKFLOW, "Attributes", "{\"body\":\"hello\"}", "Priority", 1,
                "Timeout", 60, "TaskChannel", "sms"));
        List<Map<String, Object>> pending = taskrouter.records("twilio-connector:Taskrouter.Tasks/List",
                "WorkspaceSid = '" + WORKSPACE + "' AND AssignmentStatus = 'pending' AND TaskQueueSid = '" + QUEUE + "'");
        Map<String, Object> read = taskrouter.record("twilio-connector:Taskrouter.Tasks/Get?entityId=" + TASK,
                Map.of("WorkspaceSid", WORKSPACE));
        taskrouter.record("twilio-connector:Taskrouter.Tasks/Update?entityId=" + TASK, ordered("WorkspaceSid", WORKSPACE,
                "AssignmentStatus", "canceled", "Reason", "Customer hung up"));

        List<RecordingProxy.SentRequest> sent = taskrouter.requestsSince(before);
        assertThat(sent.get(0).form()).containsExactlyInAnyOrder(entry("WorkflowSid", WORKFLOW),
                entry("Attributes", "{\"body\":\"hello\"}"), entry("Priority", "1"), entry("Timeout", "60"),
                entry("TaskChannel", "sms"));
        assertThat(sent.get(1).queryParameters()).containsExactlyInAnyOrder(entry("AssignmentStatus", "pending"),
                entry("TaskQueueSid", QUEUE), entry("PageSize", "25"));
        assertThat(sent.get(3).form()).containsExactlyInAnyOrder(entry("AssignmentStatus", "canceled"),
                entry("Reason", "Customer hung up"));
        assertThat(created).contains(entry("Sid", TASK), entry("WorkflowSid", WORKFLOW), entry("Priority", 1),
                entry("AssignmentStatus", "pending"), entry("TaskQueueEnteredDate", null),
                entry("WorkflowFriendlyName", "Example Workflow"), entry("Age", 25200));
        assertThat(pending).extracting(task -> task.get("Sid"), task -> task.get("AssignmentStatus"),
                task -> task.get("TaskQueueFriendlyName")).containsExactly(tuple(TASK, "pending", "Test Queue"));
        assertThat(read).contains(entry("Sid", TASK), entry("TaskQueueEnteredDate", "2014-05-14T18:50:02Z"),
                entry("TaskChannelUniqueName", "task-channel"));
    }

    @Test
    void aTaskQueueIsCreatedWithItsWorkerExpressionAndReadBack() {
        int before = taskrouter.requests().size();

        Map<String, Object> created = taskrouter.record("twilio-connector:Taskrouter.TaskQueues/Create", ordered(
                "WorkspaceSid", WORKSPACE, "Name", "Billing", "TargetWorkers", "skills HAS \"billing\"",
                "MaxReservedWorkers", 1, "TaskOrder", "FIFO"));
        Map<String, Object> read = taskrouter.record("twilio-connector:Taskrouter.TaskQueues/Get?entityId=" + QUEUE,
                Map.of("WorkspaceSid", WORKSPACE));

        assertThat(taskrouter.requestsSince(before).get(0).form()).containsExactlyInAnyOrder(
                entry("FriendlyName", "Billing"), entry("TargetWorkers", "skills HAS \"billing\""),
                entry("MaxReservedWorkers", "1"), entry("TaskOrder", "FIFO"));
        assertThat(created).contains(entry("Sid", QUEUE), entry("WorkspaceSid", WORKSPACE),
                entry("Name", "81f96435-3a05-11e5-9f81-98e0d9a1eb73"), entry("MaxReservedWorkers", 1),
                entry("TargetWorkers", null), entry("TaskOrder", "FIFO"), entry("DateCreated", "2015-08-04T01:31:41Z"));
        assertThat(read).contains(entry("Sid", QUEUE), entry("AssignmentActivitySid", ACTIVITY),
                entry("ReservationActivityName", "80fa2beb-3a05-11e5-8fc8-98e0d9a1eb73"));
    }

    @Test
    void aWorkerIsDeletedOnlyIfItsVersionMatchesByIfMatchFromTheFilterClause() {
        int before = taskrouter.requests().size();

        taskrouter.record("twilio-connector:Taskrouter.Workers/Delete?entityId=" + WORKER,
                "{\"WorkspaceSid\":\"" + WORKSPACE + "\"}", Map.of(TwilioConnectorConstants.FILTER_CLAUSE, "IfMatch = '\"3\"'"));

        List<RecordingProxy.SentRequest> sent = taskrouter.requestsSince(before);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).line()).isEqualTo("DELETE " + IN_WORKSPACE + "/Workers/" + WORKER);
        assertThat(sent.get(0).headers()).containsEntry("if-match", "\"3\"");
    }
}
