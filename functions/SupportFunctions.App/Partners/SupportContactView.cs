namespace SupportFunctions.App.Partners;

/// <summary>A support contact as shown: its key (for removal), the partner user it names if any, and where mail goes.</summary>
public sealed record SupportContactView(string Key, string? UserId, string? Name, string? Email);
