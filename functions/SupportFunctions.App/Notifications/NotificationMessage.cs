namespace SupportFunctions.App.Notifications;

/// <summary>What the notifications queue carries: which intent to deliver. The intent row holds everything else.</summary>
public sealed record NotificationMessage(string CaseNumber, string IntentId);
