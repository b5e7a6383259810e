namespace SupportFunctions.Domain.Policies;

/// <summary>The same account reporting the same error signature <see cref="Count"/> times within <see cref="Window"/> escalates the case.</summary>
public sealed record RepeatedErrorRule
{
    /// <summary>Fields making the signature: "category" or a category field id (errorCode, pipelineKey).</summary>
    public required IReadOnlyList<string> SignatureFields { get; init; }

    public required int Count { get; init; }

    public required TimeSpan Window { get; init; }
}
