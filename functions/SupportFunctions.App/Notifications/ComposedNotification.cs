namespace SupportFunctions.App.Notifications;

/// <summary>
/// A mail to send, or why nobody may receive this intent. <see cref="ByPolicy"/>: the policy forbids it (the partner
/// rule) — worth an audit event on the case; otherwise simply nobody has an address (a team without agents).
/// </summary>
public sealed record ComposedNotification(OutgoingMail? Mail, string? SuppressedBecause, bool ByPolicy = false);
