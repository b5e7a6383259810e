namespace SupportFunctions.App.Tests.Infrastructure;

/// <summary>A cancellation token per test so a hung call fails that test instead of the whole run.</summary>
public static class TestTimeout
{
    public static CancellationToken Token(int seconds = 60) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
