namespace SupportFunctions.Domain.Reports;

public enum ClockRecordState
{
    Achieved,
    Breached,
    Running,
    Cancelled,
}
