using SupportFunctions.Domain.Directory;

namespace SupportFunctions.Domain.Tests.Notifications;

public sealed class SupportContactRulesTests
{
    private static readonly HashSet<string> Users = ["usr-ana"];

    [Fact]
    public void An_invalid_address_is_named_with_the_portal_message()
    {
        var (_, errors) = SupportContactRules.Check([new SupportContact { Email = "ok@p.example" }, new SupportContact { Email = "bad@" }], Users, 1);

        Assert.Equal(["contains an invalid email: \"bad@\""], errors.ToDictionary()["supportContacts[1].email"]);
    }

    [Fact]
    public void Duplicates_collapse_and_the_minimum_counts_distinct_contacts()
    {
        var (contacts, errors) = SupportContactRules.Check([new SupportContact { Email = "A@p.example" }, new SupportContact { Email = "a@p.example " }, new SupportContact { UserId = "usr-ana" }], Users, 1);

        Assert.Equal(0, errors.Count);
        Assert.Equal(["email:a@p.example", "user:usr-ana"], contacts.Select(c => c.Key));
        Assert.Contains("at least 3", SupportContactRules.Check([new SupportContact { Email = "a@p.example" }, new SupportContact { Email = "A@p.example" }], Users, 3).Errors.ToDictionary()["supportContacts"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_contact_names_an_own_user_or_an_address_but_not_both()
    {
        var (_, errors) = SupportContactRules.Check([new SupportContact { UserId = "usr-other" }, new SupportContact { UserId = "usr-ana", Email = "a@p.example" }, new SupportContact()], Users, 1);

        var byField = errors.ToDictionary();
        Assert.Contains("supportContacts[0].userId", byField.Keys);
        Assert.Contains("supportContacts[1]", byField.Keys);
        Assert.Contains("supportContacts[2]", byField.Keys);
    }

    [Theory]
    [InlineData("lo", true)]
    [InlineData("LÓP", true)]
    [InlineData("maria@", true)]
    [InlineData("ría", false)]
    public void A_user_search_matches_words_and_email_ignoring_case_and_accents(string prefix, bool matches) =>
        Assert.Equal(matches, new PartnerUser { Id = "u", PartnerId = "p", Name = "María López", Email = "maria@p.example" }.Matches(prefix));

    [Theory]
    [InlineData(false, "ptn-1", false)]
    [InlineData(false, null, true)]
    [InlineData(true, "ptn-1", true)]
    public void The_vendor_mails_a_partner_accounts_customers_only_when_the_policy_allows(bool vendorContactsCustomer, string? partnerId, bool mayMail) =>
        Assert.Equal(mayMail, new SupportFunctions.Domain.Policies.PartnerSupportRules { VendorContactsCustomer = vendorContactsCustomer }.VendorMayMailCustomersOf(new CustomerAccount { Id = "a", Name = "A", PartnerId = partnerId }));
}
