using SupportFunctions.Domain.Policies;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Inbound;

/// <summary>
/// The case number of a call, reserved when its first event arrives so the IVR can speak it at once; every later
/// event of the call, and the processing that opens the case, use the same number (an idempotency record per call id).
/// </summary>
public sealed class CallCaseNumbers(IdempotencyRepository idempotency, CaseNumberAllocator numbers, SupportPolicy policy, TimeProvider time)
{
    public const string Caller = "call";

    public static string RequestHash(string callId) => IdempotencyRepository.Hash("call:" + callId);

    public async Task<string> ReserveAsync(string callId, CancellationToken cancellationToken)
    {
        if (await idempotency.GetAsync(Caller, callId, cancellationToken) is { } existing)
        {
            return existing.CaseNumber;
        }

        var number = await numbers.NextAsync(policy.Intake.CaseNumberPrefix, policy.Intake.CaseNumberDigits, cancellationToken);
        var winner = await idempotency.RecordAsync(Caller, callId, new IdempotencyRecord(RequestHash(callId), number, time.GetUtcNow()), cancellationToken);
        return winner.CaseNumber;
    }
}
