using SupportFunctions.Domain.Inbound;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Tests.Inbound;

public sealed class CaseReferencesTests
{
    private static readonly SupportPolicy Policy = ShippedPolicies.Load("digibee");

    [Fact]
    public void A_plus_addressed_support_address_names_its_case_case_insensitively()
    {
        var references = new CaseReferences(Policy);
        var number = $"{Policy.Intake.CaseNumberPrefix}-{new string('0', Policy.Intake.CaseNumberDigits - 2)}42";
        Assert.Equal(number, references.FromRecipients(["someone@else.example", CaseReferences.PlusAddress("SUPPORT@digibee.com", number.ToLowerInvariant())]));
        Assert.Null(references.FromRecipients([CaseReferences.PlusAddress("other@digibee.com", number)]));
    }

    [Fact]
    public void A_subject_token_names_its_case_only_in_brackets_and_full_length()
    {
        var references = new CaseReferences(Policy);
        var number = $"{Policy.Intake.CaseNumberPrefix}-{new string('0', Policy.Intake.CaseNumberDigits - 2)}42";
        Assert.Equal(number, references.FromSubject($"RE: {CaseReferences.Token(number)} Pipeline fails"));
        Assert.Null(references.FromSubject($"RE: {number} Pipeline fails"));
        Assert.Null(references.FromSubject($"RE: [{number}1] Pipeline fails"));
    }
}
