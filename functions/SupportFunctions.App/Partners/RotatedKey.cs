using SupportFunctions.App.Admin;

namespace SupportFunctions.App.Partners;

/// <summary>The result of a rotation: the new key (shown this once) and until when the old one still works.</summary>
public sealed record RotatedKey(IssuedKey NewKey, string OldKeyId, DateTimeOffset OldKeyExpiresAt);
