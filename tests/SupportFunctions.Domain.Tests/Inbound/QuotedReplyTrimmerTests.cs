using SupportFunctions.Domain.Inbound;

namespace SupportFunctions.Domain.Tests.Inbound;

public sealed class QuotedReplyTrimmerTests
{
    [Theory]
    [InlineData("Still failing after the change.\n\nOn Mon, 3 Jun 2024 at 10:00, Support <support@x.com> wrote:\n> Please try again.")]
    [InlineData("Still failing after the change.\n\nOn Mon, 3 Jun 2024 at 10:00, Support <support@x.com>\nwrote:\n> Please try again.")]
    [InlineData("Still failing after the change.\n\n-----Original Message-----\nFrom: Support\nSent: Monday\nPlease try again.")]
    [InlineData("Still failing after the change.\r\n\r\nDe: Soporte <soporte@x.com>\r\nEnviado: lunes, 3 de junio de 2024 10:00\r\nPara: Ana\r\nAsunto: RE: [CS-000001]\r\nIntente de nuevo.")]
    [InlineData("Still failing after the change.\n\nEm seg., 3 de jun. de 2024 às 10:00, Suporte <suporte@x.com> escreveu:\n> Tente novamente.")]
    [InlineData("Still failing after the change.\n\nEl lun, 3 jun 2024 a las 10:00, Soporte (<soporte@x.com>) escribió:\n> Intente de nuevo.")]
    [InlineData("Still failing after the change.\n> Please try again.\n> Thanks")]
    public void Quoted_history_below_the_usual_separators_is_cut(string reply)
    {
        Assert.Equal("Still failing after the change.", QuotedReplyTrimmer.Trim(reply));
    }

    [Fact]
    public void A_message_that_is_only_a_quote_keeps_its_text_rather_than_becoming_empty()
    {
        var onlyQuote = "> Please try again.";
        Assert.Equal(onlyQuote, QuotedReplyTrimmer.Trim(onlyQuote));
    }

    [Fact]
    public void A_line_that_merely_mentions_from_is_kept()
    {
        var text = "From: our side nothing changed.\nThe export still fails.";
        Assert.Equal(text, QuotedReplyTrimmer.Trim(text));
    }
}
