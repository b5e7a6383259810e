using SupportFunctions.Domain.Inbound;

namespace SupportFunctions.Domain.Tests.Inbound;

public sealed class CallRoutingTests
{
    private static readonly SupportFunctions.Domain.Policies.SupportPolicy PureCloud = ShippedPolicies.PureCloud;

    private static VoiceCall Call(int? severity) => new() { CallId = "CA1", Provider = "twilio", From = "+15551230000", To = "+18663536587", Severity = severity };

    [Fact]
    public void A_verified_caller_on_the_outage_line_gets_its_severity_1()
    {
        var line = CallRouting.Line(PureCloud, "+18663536587");
        Assert.Equal(1, CallRouting.Severity(PureCloud, line, Call(3), verified: true));
        Assert.Equal("technical-problem", CallRouting.Category(PureCloud, line));
    }

    [Fact]
    public void An_unverified_caller_on_a_pin_line_gets_no_urgent_severity_whatever_they_keyed()
    {
        var line = CallRouting.Line(PureCloud, "+18663536587");
        Assert.Null(CallRouting.Severity(PureCloud, line, Call(1), verified: false));
        Assert.Equal(4, CallRouting.Severity(PureCloud, line, Call(4), verified: false));
    }
}
