using SupportFunctions.Domain.Retention;

namespace SupportFunctions.Domain.Tests.Retention;

public sealed class RetentionRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
    private static readonly LegalHolds Holds = new(new HashSet<string> { "SUP-7" }, new HashSet<string> { "acct-held" });

    [Fact]
    public void An_item_whose_expiry_has_passed_is_purged() =>
        Assert.Equal(RetentionVerdict.Purge, RetentionRule.Judge(new RetainedItem("uploadedDataFiles", Now.AddSeconds(-1), "SUP-1", "acct-1"), Holds, Now));

    [Fact]
    public void An_item_expiring_exactly_now_is_purged_and_one_a_second_later_is_not()
    {
        Assert.Equal(RetentionVerdict.Purge, RetentionRule.Judge(new RetainedItem("smsDeliveryLogs", Now, null, null), Holds, Now));
        Assert.Equal(RetentionVerdict.Unexpired, RetentionRule.Judge(new RetainedItem("smsDeliveryLogs", Now.AddSeconds(1), null, null), Holds, Now));
    }

    [Fact]
    public void A_hold_on_the_case_or_on_its_account_keeps_an_expired_item()
    {
        Assert.Equal(RetentionVerdict.Held, RetentionRule.Judge(new RetainedItem("uploadedDataFiles", Now.AddDays(-3), "SUP-7", "acct-1"), Holds, Now));
        Assert.Equal(RetentionVerdict.Held, RetentionRule.Judge(new RetainedItem("uploadedDataFiles", Now.AddDays(-3), "SUP-8", "acct-held"), Holds, Now));
    }

    [Fact]
    public void An_item_without_expiry_is_kept_even_long_after() =>
        Assert.Equal(RetentionVerdict.Kept, RetentionRule.Judge(new RetainedItem("auditEvents", null, "SUP-1", null), LegalHolds.None, Now.AddYears(20)));

    [Fact]
    public void Everbridge_sms_delivery_log_uploads_expire_after_24_hours_and_other_files_after_30_days()
    {
        var policy = ShippedPolicies.Load("everbridge");
        Assert.Equal("smsDeliveryLogs", policy.DataClassOfUpload("sms"));
        Assert.Equal(Now.AddHours(24), policy.ExpiresAt(policy.DataClassOfUpload("sms"), Now));
        Assert.Equal(Now.AddDays(3), policy.ExpiresAt(policy.DataClassOfUpload("conference-bridges"), Now));
        Assert.Equal(Now.AddDays(30), policy.ExpiresAt(policy.DataClassOfUpload("screenshot"), Now));
        Assert.Equal(Now.AddDays(30), policy.ExpiresAt(policy.DataClassOfUpload(null), Now));
    }

    [Fact]
    public void Closed_case_personal_data_is_kept_365_days_in_every_shipped_policy()
    {
        foreach (var name in ShippedPolicies.Names)
        {
            Assert.Equal(TimeSpan.FromDays(365), ShippedPolicies.Load(name).WindowOf(DataClasses.ClosedCasePersonalData));
            Assert.Null(ShippedPolicies.Load(name).WindowOf(DataClasses.AuditEvents));
        }
    }
}
