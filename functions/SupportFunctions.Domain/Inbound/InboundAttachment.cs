namespace SupportFunctions.Domain.Inbound;

/// <summary>A file that came with an email: the form part it was in, its name and type, and its bytes.</summary>
public sealed record InboundAttachment(string Part, string FileName, string ContentType, ReadOnlyMemory<byte> Content);
