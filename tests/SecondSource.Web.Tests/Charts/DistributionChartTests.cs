using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SecondSource.Web.Charts;

namespace SecondSource.Web.Tests.Charts;

public sealed class DistributionChartTests
{
    private static readonly double[] P = [0.1, 0.5, 0.9];

    [Fact]
    public void The_chart_is_well_formed_svg_with_both_curves_the_limits_and_the_margin_band_inside_its_box()
    {
        var svg = DistributionChart.Svg("I_IDLE <script>", "A", P, [0.040, 0.042, 0.044], [0.042, 0.044, 0.046], 0.039, 0.047, 0.042, 0.0015, "A: PR-GOLDEN", "B: VE-PILOT");

        var root = XElement.Parse(svg);
        var ns = root.Name.Namespace;
        root.Attribute("data-chart")!.Value.ShouldBe("I_IDLE <script>");
        svg.ShouldNotContain("<script>");
        root.Descendants(ns + "polyline").Count().ShouldBe(2);
        root.Descendants(ns + "line").Count().ShouldBe(2, "both limits lie in the drawn range");
        root.Descendants(ns + "rect").Any(r => r.Element(ns + "title")?.Value == "reference mean ± margin").ShouldBeTrue();
        foreach (Match number in Regex.Matches(string.Join(" ", root.Descendants(ns + "polyline").Select(p => p.Attribute("points")!.Value)), @"-?[0-9.]+"))
        {
            double.Parse(number.Value, CultureInfo.InvariantCulture).ShouldBeInRange(0, 520);
        }
    }

    [Fact]
    public void Limits_outside_the_data_are_left_out_and_constant_values_still_draw()
    {
        var svg = DistributionChart.Svg("ERR", "", P, [0, 0, 0], [0, 0, 0], null, 1000, null, null, "A", "B");

        var root = XElement.Parse(svg);
        root.Descendants(root.Name.Namespace + "line").ShouldBeEmpty();
        svg.ShouldNotContain("NaN");
        svg.ShouldNotContain("Infinity");
    }
}
