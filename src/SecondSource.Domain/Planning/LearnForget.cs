using SecondSource.Domain.Common;

namespace SecondSource.Domain.Planning;

/// <summary>
/// Jaber &amp; Bonney's (1996) Learn–Forget Curve Model with De Jong's incompressible share (research note planning.md
/// §5.2): the experience a line keeps over a break, and the first-unit time penalty on restart.
/// </summary>
/// <param name="FirstUnitTime">T₁, time of the first unit ever (any time unit, the same as the breaks').</param>
/// <param name="LearningRate">LR: time factor per doubling of output (0.85 → b = 0.2345).</param>
/// <param name="TotalForgetting">D: the break after which everything is forgotten, in the same time unit.</param>
public sealed record LearnForget(double FirstUnitTime, double LearningRate, double TotalForgetting)
{
    /// <summary>b = −log₂ LR.</summary>
    public double Exponent => -Math.Log2(LearningRate);

    /// <summary>t(x) = T₁·x^(1−b)/(1−b): the time to build x units from scratch.</summary>
    public double TimeFor(double units) => FirstUnitTime * Math.Pow(units, 1 - Exponent) / (1 - Exponent);

    /// <summary>The forgetting exponent f = b(1−b)·ln(u + n) / ln(1 + D/t(u + n)).</summary>
    public double ForgettingExponent(double experience)
    {
        var b = Exponent;
        return b * (1 - b) * Math.Log(experience) / Math.Log(1 + TotalForgetting / TimeFor(experience));
    }

    /// <summary>Equivalent units remembered after a break of <paramref name="breakLength"/> following <paramref name="experience"/> units.</summary>
    public double Remembered(double experience, double breakLength)
    {
        if (!(experience >= 1) || breakLength < 0)
        {
            throw new DomainException("Experience is at least one unit and a break is not negative.");
        }

        if (breakLength >= TotalForgetting)
        {
            return 1;
        }

        var b = Exponent;
        var f = ForgettingExponent(experience);
        var couldHaveMade = Math.Pow((1 - b) * (TimeFor(experience) + breakLength) / FirstUnitTime, 1 / (1 - b));
        return Math.Max(1, Math.Pow(experience, 1 + f / b) * Math.Pow(couldHaveMade, -f / b));
    }

    /// <summary>
    /// The first unit's time after the break relative to the last unit's time before it, minus one, with De Jong's
    /// machine-paced share M: T(u) = T₁·(M + (1 − M)·u^(−b)).
    /// </summary>
    public double RestartPenalty(double experience, double breakLength, double machinePaced = 0)
    {
        if (machinePaced is < 0 or > 1)
        {
            throw new DomainException($"The machine-paced share lies between 0 and 1 (was {machinePaced}).");
        }

        var b = Exponent;
        double Time(double u) => FirstUnitTime * (machinePaced + (1 - machinePaced) * Math.Pow(u, -b));
        return Time(Remembered(experience, breakLength)) / Time(experience) - 1;
    }
}
