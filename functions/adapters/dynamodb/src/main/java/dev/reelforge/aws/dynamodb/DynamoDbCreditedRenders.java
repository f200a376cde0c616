package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.project.CreditedRenders;
import dev.reelforge.core.project.ProjectStatus;
import dev.reelforge.core.project.StoredProject;
import dev.reelforge.core.render.Render;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Projects' renders and their credits in one DynamoDB transaction each, across three tables: the owner's balance
 * ({@code credits#<owner>} in the accounts table), the render (renders table) and the project with its draft marker
 * or public link (projects table). Each write is conditional on where the project stands, so a repeat changes
 * nothing: the balance moves only with the project's status.
 */
public final class DynamoDbCreditedRenders implements CreditedRenders {

    private final DynamoDbClient dynamoDb;
    private final String projectsTable;
    private final String rendersTable;
    private final String accountsTable;

    public DynamoDbCreditedRenders(DynamoDbClient dynamoDb, String projectsTable, String rendersTable,
            String accountsTable) {
        this.dynamoDb = dynamoDb;
        this.projectsTable = projectsTable;
        this.rendersTable = rendersTable;
        this.accountsTable = accountsTable;
    }

    @Override
    public Queuing queue(StoredProject draft, StoredProject processing, Render render, long credits) {
        TransactWriteItem debit = TransactWriteItem.builder().update(update -> update.tableName(accountsTable)
                .key(balanceKey(draft.owner()))
                .updateExpression("SET #balance = #balance - :cost")
                .conditionExpression("#balance >= :cost")
                .expressionAttributeNames(Map.of("#balance", DynamoDbCreditBalances.BALANCE))
                .expressionAttributeValues(Map.of(":cost", DynamoDbProjects.n(credits)))).build();
        TransactWriteItem queued = TransactWriteItem.builder().put(put -> put.tableName(rendersTable)
                .item(DynamoDbRenders.toItem(render))
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", DynamoDbRenders.ID))).build();
        TransactWriteItem project = TransactWriteItem.builder().put(put -> put.tableName(projectsTable)
                .item(DynamoDbProjects.toItem(processing))
                .conditionExpression("#status = :initial AND #version = :version")
                .expressionAttributeNames(Map.of("#status", DynamoDbProjects.STATUS,
                        "#version", DynamoDbProjects.VERSION))
                .expressionAttributeValues(Map.of(":initial", DynamoDbProjects.s(ProjectStatus.INITIAL.wireName()),
                        ":version", DynamoDbProjects.n(draft.version())))).build();
        TransactWriteItem marker = TransactWriteItem.builder().delete(delete -> delete.tableName(projectsTable)
                .key(DynamoDbProjects.draftKey(draft.owner(), draft.environment()))
                .conditionExpression("#id = :id")
                .expressionAttributeNames(Map.of("#id", DynamoDbProjects.ID))
                .expressionAttributeValues(Map.of(":id", DynamoDbProjects.s(draft.id())))).build();
        try {
            dynamoDb.transactWriteItems(transaction -> transaction.transactItems(debit, queued, project, marker));
            return Queuing.QUEUED;
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            boolean draftHeld = reasons.size() == 4 && !failedCondition(reasons.get(2))
                    && !failedCondition(reasons.get(3));
            if (draftHeld && failedCondition(reasons.get(0))) {
                return Queuing.INSUFFICIENT_CREDITS;
            }
            if (reasons.size() == 4 && (failedCondition(reasons.get(2)) || failedCondition(reasons.get(3)))) {
                return Queuing.DRAFT_CHANGED;
            }
            throw cancelled;
        }
    }

    @Override
    public boolean failAndRefund(StoredProject processing, StoredProject failed, long credits) {
        TransactWriteItem refund = TransactWriteItem.builder().update(update -> update.tableName(accountsTable)
                .key(balanceKey(processing.owner()))
                .updateExpression("ADD #balance :credits")
                .conditionExpression("attribute_exists(#balance)")
                .expressionAttributeNames(Map.of("#balance", DynamoDbCreditBalances.BALANCE))
                .expressionAttributeValues(Map.of(":credits", DynamoDbProjects.n(credits)))).build();
        return settle(processing, failed, List.of(refund));
    }

    @Override
    public boolean publish(StoredProject processing, StoredProject published) {
        List<TransactWriteItem> link = new ArrayList<>();
        if (published.project().privacy() == dev.reelforge.core.project.Privacy.PUBLIC) {
            String url = published.publication().orElseThrow().best().url();
            link.add(TransactWriteItem.builder().put(put -> put.tableName(projectsTable)
                    .item(DynamoDbProjects.linkItem(published.id(), url))).build());
        }
        return settle(processing, published, link);
    }

    /** The project's change, on condition it is still processing by its render, with {@code alongside}. */
    private boolean settle(StoredProject processing, StoredProject settled, List<TransactWriteItem> alongside) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(put -> put.tableName(projectsTable)
                .item(DynamoDbProjects.toItem(settled))
                .conditionExpression("#status = :processing AND #render = :render")
                .expressionAttributeNames(Map.of("#status", DynamoDbProjects.STATUS,
                        "#render", DynamoDbProjects.RENDER))
                .expressionAttributeValues(Map.of(
                        ":processing", DynamoDbProjects.s(ProjectStatus.PROCESSING.wireName()),
                        ":render", DynamoDbProjects.s(processing.render().orElseThrow().toString())))).build());
        items.addAll(alongside);
        try {
            dynamoDb.transactWriteItems(transaction -> transaction.transactItems(items));
            return true;
        } catch (TransactionCanceledException cancelled) {
            if (!cancelled.cancellationReasons().isEmpty() && failedCondition(cancelled.cancellationReasons().get(0))) {
                return false;
            }
            throw cancelled;
        }
    }

    private static boolean failedCondition(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }

    private static Map<String, AttributeValue> balanceKey(String owner) {
        return Map.of(DynamoDbAccounts.PK, AttributeValue.fromS(DynamoDbCreditBalances.KEY_PREFIX + owner));
    }
}
