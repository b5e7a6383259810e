namespace SupportFunctions.App.Partners;

/// <summary>Rotate a key: a new key now, the old one working for <see cref="OverlapMinutes"/> more (default 1440, at most 43200; 0 stops it at once).</summary>
public sealed record RotateKeyRequest(int? OverlapMinutes, string? Label);
