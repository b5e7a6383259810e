namespace SupportFunctions.Domain.Retention;

/// <summary>The retention data classes the engine itself writes; a policy gives each a window (or keeps it).</summary>
public static class DataClasses
{
    public const string UploadedDataFiles = "uploadedDataFiles";
    public const string RawInboundEmail = "rawInboundEmail";
    public const string PhoneCallLogs = "phoneCallLogs";
    public const string ClosedCasePersonalData = "closedCasePersonalData";
    public const string AuditEvents = "auditEvents";
}
