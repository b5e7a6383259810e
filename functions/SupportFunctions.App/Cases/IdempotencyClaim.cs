using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Cases;

/// <summary>Who claims an idempotency key, the key, and the hash of the request it stands for.</summary>
public sealed record IdempotencyClaim(string Caller, string Key, string RequestHash)
{
    /// <summary>The origin a case opened under this claim carries: the same for every retry of the request, and only for it.</summary>
    public string Origin => IdempotencyRepository.Hash($"{Caller}\n{Key}\n{RequestHash}");
}
