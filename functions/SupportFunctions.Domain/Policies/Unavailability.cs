namespace SupportFunctions.Domain.Policies;

/// <summary>How much of the service is unavailable, as the requester classifies it.</summary>
public enum Unavailability
{
    None,
    Partial,
    Total,
}
