using SupportFunctions.App.Notifications;
using SupportFunctions.App.Queues;

namespace SupportFunctions.App.Tests.Notifications;

public sealed class NotificationMessageTests
{
    [Fact]
    public void A_message_for_a_change_names_each_of_its_intents_once_and_one_for_a_single_intent_stays_as_it_was()
    {
        var many = NotificationDispatcher.Parse(QueueMessageJson.Write(new NotificationMessage("PC-000007", "PC-000007-sla-warning", ["PC-000007-sla-warning", "PC-000007-team-page", "PC-000007-team-page"])));
        var single = NotificationDispatcher.Parse("""{"caseNumber":"PC-000007","intentId":"PC-000007-acknowledgement"}""");

        Assert.Equal(["PC-000007-sla-warning", "PC-000007-team-page"], many.Each().Select(m => m.IntentId));
        Assert.All(many.Each(), m => Assert.Equal("PC-000007", m.CaseNumber));
        Assert.Equal(["PC-000007-acknowledgement"], single.Each().Select(m => m.IntentId));
    }
}
