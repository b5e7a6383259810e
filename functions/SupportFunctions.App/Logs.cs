namespace SupportFunctions.App;

/// <summary>Source-generated log messages. Event ids are stable: dashboards and alerts key on them, so never renumber.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Storage probe for {Service} failed: status {Status}, code {ErrorCode}")]
    public static partial void StorageProbeFailed(ILogger logger, string service, int status, string? errorCode);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Error, Message = "Storage request failed while serving {Path}: status {Status}, code {ErrorCode}, request id {RequestId}")]
    public static partial void StorageFailed(ILogger logger, Exception exception, string path, int status, string? errorCode, string? requestId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "Unhandled failure while serving {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string path);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Storage tables, containers and queues are ready (prefix '{Prefix}')")]
    public static partial void StorageLayoutReady(ILogger logger, string prefix);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Creating storage tables, containers and queues failed (status {Status}, code {ErrorCode}); retrying in {DelaySeconds} s")]
    public static partial void StorageLayoutFailed(ILogger logger, int status, string? errorCode, double delaySeconds);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Policy '{PolicyId}' loaded: {Categories} categories, {Severities} severity levels")]
    public static partial void PolicyLoaded(ILogger logger, string policyId, int categories, int severities);

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Case {CaseNumber} opened in category {Category} (severity {Severity}, team {Team}, outcome {Outcome})")]
    public static partial void CaseOpened(ILogger logger, string caseNumber, string category, int severity, string team, string outcome);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Case intake refused for {Actor}: {Reason}")]
    public static partial void CaseRefused(ILogger logger, string actor, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Idempotent replay of case {CaseNumber} for {Actor}")]
    public static partial void IdempotentReplay(ILogger logger, string caseNumber, string actor);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Case number {CaseNumber} is another request's case (storage lost recent writes); {Actor}'s case takes a later number (attempt {Attempt})")]
    public static partial void CaseNumberTaken(ILogger logger, string caseNumber, string actor, int attempt);

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "API key authentication failed: {Reason}")]
    public static partial void ApiKeyRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Recording the last use of API key id {KeyId} failed (status {Status}); the request went on")]
    public static partial void ApiKeyUseNotRecorded(ILogger logger, string keyId, int status);

    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Message {MessageId} on queue {Queue} failed (delivery {DequeueCount} of {MaxDequeueCount}); it will be retried")]
    public static partial void QueueMessageFailed(ILogger logger, Exception exception, string queue, string messageId, long dequeueCount, int maxDequeueCount);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Message {MessageId} on queue {Queue} failed {DequeueCount} deliveries and was parked as poison")]
    public static partial void QueueMessagePoisoned(ILogger logger, Exception exception, string queue, string messageId, long dequeueCount);

    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning, Message = "SLA {Effect} on case {CaseNumber}: {Clock} at {Elapsed} of {Target}")]
    public static partial void SlaThreshold(ILogger logger, string effect, string caseNumber, string clock, TimeSpan elapsed, TimeSpan target);

    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Inbound mail {ItemId} ignored: {Reason} (sender {Sender})")]
    public static partial void InboundMailIgnored(ILogger logger, string itemId, string sender, string reason);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Inbound mail {ItemId} names case {CaseNumber} in its subject but {Sender} does not belong to that case; opening a new case")]
    public static partial void SubjectTokenMismatch(ILogger logger, string itemId, string caseNumber, string sender);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Inbound mail {ItemId} added to case {CaseNumber}")]
    public static partial void InboundMailThreaded(ILogger logger, string itemId, string caseNumber);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Inbound mail {ItemId} opened case {CaseNumber}")]
    public static partial void InboundMailOpenedCase(ILogger logger, string itemId, string caseNumber);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information, Message = "Call {CallId} event {ItemId} applied to case {CaseNumber}")]
    public static partial void CallApplied(ILogger logger, string callId, string itemId, string caseNumber);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Warning, Message = "Call {CallId}: {Reason}")]
    public static partial void CallRefused(ILogger logger, string callId, string reason);

    [LoggerMessage(EventId = 6020, Level = LogLevel.Warning, Message = "Queued case request {MessageId} rejected: {Reason}")]
    public static partial void QueuedCaseRejected(ILogger logger, string messageId, string reason);

    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Purge run {RunId} started (dry run: {DryRun}, by {Trigger})")]
    public static partial void PurgeStarted(ILogger logger, string runId, bool dryRun, string trigger);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Purge run {RunId} finished: {Pages} page(s), {Purged} item(s) purged, {Held} kept by legal holds")]
    public static partial void PurgeFinished(ILogger logger, string runId, int pages, long purged, long held);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "Purged the histories of {Count} orchestration(s) that ended before {Before:O}")]
    public static partial void OrchestrationHistoriesPurged(ILogger logger, int count, DateTimeOffset before);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Case {CaseNumber} changed while being anonymised; the next purge run judges it again")]
    public static partial void AnonymiseSkipped(ILogger logger, string caseNumber);

    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "Notification {IntentId} ({Kind}) for case {CaseNumber} accepted by {Provider} on attempt {Attempt}")]
    public static partial void NotificationSent(ILogger logger, string intentId, string kind, string caseNumber, string provider, int attempt);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Notification {IntentId} attempt {Attempt} failed transiently; next try at {RetryAt}: {Error}")]
    public static partial void NotificationRetrying(ILogger logger, string intentId, int attempt, DateTimeOffset retryAt, string error);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "Notification {IntentId} for case {CaseNumber} failed for good: {Error}")]
    public static partial void NotificationFailed(ILogger logger, string intentId, string caseNumber, string error);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Information, Message = "Notification {IntentId} was already accepted by {Provider} in an attempt whose answer was lost; not sending it again")]
    public static partial void NotificationAlreadyAccepted(ILogger logger, string intentId, string provider);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "Queueing notification {IntentId} failed (status {Status}, code {ErrorCode}); the outbox reconciler will send it")]
    public static partial void NotificationDispatchFailed(ILogger logger, string intentId, int status, string? errorCode);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Information, Message = "Notification {IntentId} was overdue in state {State}; its message was sent again")]
    public static partial void NotificationRearmed(ILogger logger, string intentId, string state);

    [LoggerMessage(EventId = 7200, Level = LogLevel.Information, Message = "Partner {PartnerId} created account {AccountId} with {Contacts} support contact(s)")]
    public static partial void PartnerAccountCreated(ILogger logger, string partnerId, string accountId, int contacts);

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Partner {PartnerId} rotated key {OldKeyId} to {NewKeyId}; the old key stops at {ExpiresAt}")]
    public static partial void PartnerKeyRotated(ILogger logger, string partnerId, string oldKeyId, string newKeyId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 8000, Level = LogLevel.Warning, Message = "Queue and report rows of case {CaseNumber} could not be written now (status {Status}); the reconciler writes them")]
    public static partial void ProjectionDeferred(ILogger logger, Exception exception, string caseNumber, int status);

    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "Queue and report rows of case {CaseNumber} kept changing under {Attempts} projections; the reconciler finishes them")]
    public static partial void ProjectionUnsettled(ILogger logger, string caseNumber, int attempts);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Reconciler projected case {CaseNumber} (marked before {Before})")]
    public static partial void ProjectionReconciled(ILogger logger, string caseNumber, DateTimeOffset before);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Queue and report built from the {Cases} cases stored before them")]
    public static partial void ProjectionsBuilt(ILogger logger, int cases);
}
