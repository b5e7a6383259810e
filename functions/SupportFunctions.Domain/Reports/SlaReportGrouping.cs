namespace SupportFunctions.Domain.Reports;

public enum SlaReportGrouping
{
    Severity,
    Team,
    Category,
    Account,
    Month,
}
