namespace SupportFunctions.Domain.Cases;

/// <summary>Internal events (notes, routing) are for staff; the customer's views never show them.</summary>
public enum EventVisibility
{
    Public,
    Internal,
}
