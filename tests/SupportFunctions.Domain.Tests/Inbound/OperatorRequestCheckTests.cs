using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Inbound;

namespace SupportFunctions.Domain.Tests.Inbound;

public sealed class OperatorRequestCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static Contact Operator => new() { Id = "c1", AccountId = "a1", Name = "Ana", Email = "ana@acme.example", Registered = true, MaySendNotifications = true, CredentialsExpireAt = Now.AddDays(30) };

    [Fact]
    public void A_verified_registered_sender_with_live_credentials_may_have_support_send()
    {
        Assert.Null(OperatorRequestCheck.Refusal(Operator, verified: true, Now));
        Assert.Null(OperatorRequestCheck.Refusal(Operator with { SsoOnly = true, BreakGlass = true }, verified: true, Now));
    }

    [Fact]
    public void Each_missing_condition_is_refused_with_its_reason()
    {
        Assert.Contains("not a registered contact", OperatorRequestCheck.Refusal(null, verified: true, Now), StringComparison.Ordinal);
        Assert.Contains("PIN", OperatorRequestCheck.Refusal(Operator, verified: false, Now), StringComparison.Ordinal);
        Assert.Contains("not a registered user", OperatorRequestCheck.Refusal(Operator with { Registered = false }, verified: true, Now), StringComparison.Ordinal);
        Assert.Contains("expired", OperatorRequestCheck.Refusal(Operator with { CredentialsExpireAt = Now }, verified: true, Now), StringComparison.Ordinal);
        Assert.Contains("role", OperatorRequestCheck.Refusal(Operator with { MaySendNotifications = false }, verified: true, Now), StringComparison.Ordinal);
        Assert.Contains("break-glass", OperatorRequestCheck.Refusal(Operator with { SsoOnly = true }, verified: true, Now), StringComparison.Ordinal);
    }
}
