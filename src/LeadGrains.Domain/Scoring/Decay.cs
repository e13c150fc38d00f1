namespace LeadGrains.Domain.Scoring;

/// <summary>Exponential decay: an activity one half-life old counts half.</summary>
public static class Decay
{
    public static double Factor(TimeSpan age, TimeSpan halfLife)
    {
        if (age <= TimeSpan.Zero)
        {
            return 1;
        }
        return Math.Pow(0.5, age.TotalSeconds / halfLife.TotalSeconds);
    }
}
