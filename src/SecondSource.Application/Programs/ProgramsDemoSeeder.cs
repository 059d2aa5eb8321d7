using SecondSource.Application.Demo;
using SecondSource.Domain.Lines;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Programs;

namespace SecondSource.Application.Programs;

/// <summary>
/// The demo's lines and program: the offshore primary in production, and three candidate second sources with
/// different strengths — an EU line (chosen, as the guide's common pattern), a strong and cheap line in the
/// primary's own zone, and the cheapest line, which misses the product's requirements.
/// </summary>
public sealed class ProgramsDemoSeeder : IDemoSeeder
{
    public int Order => 200;

    public string Feature => "Programs";

    public Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var db = context.Db;
        var now = context.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var primaryParty = context.PrimaryManufacturer ?? throw new InvalidOperationException("The parties seeder runs first.");
        var secondParty = context.SecondSourceManufacturer!;
        var dongguan = Party.CreateManufacturer("Dongguan Allied EMS", now);
        var saigon = Party.CreateManufacturer("Saigon Precision Assembly", now);
        db.Parties.AddRange(dongguan, saigon);

        var all = TestTypes.Aoi | TestTypes.Axi | TestTypes.Ict | TestTypes.FlyingProbe | TestTypes.Fct | TestTypes.BoundaryScan | TestTypes.BurnIn;
        var allProcesses = Processes.DoubleSidedReflow | Processes.SelectiveSolder | Processes.ConformalCoat | Processes.BoxBuild;
        Certification Iso13485(int days) => new(CertificationStandard.Iso13485, today.AddDays(days));
        Certification Iso9001(int days) => new(CertificationStandard.Iso9001, today.AddDays(days));

        var shenzhen = Site.Create(primaryParty.Id, "Bao'an plant", "Fuhai Industrial Park, Bao'an District, Shenzhen", CountryCode.Parse("CN"), "Guangdong");
        var gdansk = Site.Create(secondParty.Id, "Oliwa plant", "ul. Trzy Lipy 3, 80-172 Gdańsk", CountryCode.Parse("PL"), "Pomorskie");
        var changan = Site.Create(dongguan.Id, "Chang'an plant", "Xiaobian Industrial Zone, Chang'an, Dongguan", CountryCode.Parse("CN"), "Guangdong");
        var tanThuan = Site.Create(saigon.Id, "Tan Thuan EPZ", "Tan Thuan Export Processing Zone, District 7, Ho Chi Minh City", CountryCode.Parse("VN"), "Ho Chi Minh City");
        db.Sites.AddRange(shenzhen, gdansk, changan, tanThuan);

        var primaryLine = ManufacturingLine.Create(shenzhen, "SMT line 3",
            new LineCapabilities(PassiveSize.Size01005, 0.4m, new BoardSize(510, 460), 20, all, allProcesses),
            new LineCapacity(8000, 12000, today.AddDays(-200), "Peak-season surge, Q3 shipment records"), [Iso9001(500), Iso13485(420)]);
        var vistulaLine = ManufacturingLine.Create(gdansk, "SMT line 1",
            new LineCapabilities(PassiveSize.Size0201, 0.5m, new BoardSize(400, 300), 14,
                TestTypes.Aoi | TestTypes.Axi | TestTypes.Ict | TestTypes.Fct | TestTypes.BoundaryScan, Processes.DoubleSidedReflow | Processes.ConformalCoat | Processes.BoxBuild),
            new LineCapacity(1500, 4500, today.AddDays(-70), "Two-shift surge trial, report VS-SURGE-07"), [Iso9001(700), Iso13485(640)]);
        var dongguanLine = ManufacturingLine.Create(changan, "Line A2",
            new LineCapabilities(PassiveSize.Size01005, 0.35m, new BoardSize(510, 460), 24, all, allProcesses),
            new LineCapacity(10000, 15000, today.AddDays(-120), "Customer surge audit"), [Iso9001(300), Iso13485(300)]);
        var saigonLine = ManufacturingLine.Create(tanThuan, "Line 5",
            new LineCapabilities(PassiveSize.Size0402, 0.5m, new BoardSize(350, 250), 10, TestTypes.Aoi | TestTypes.Ict | TestTypes.Fct, Processes.DoubleSidedReflow | Processes.ConformalCoat),
            new LineCapacity(2500, 0), [Iso9001(200), Iso13485(-60)]);
        db.Lines.AddRange(primaryLine, vistulaLine, dongguanLine, saigonLine);

        var product = Product.Create("VitalSign bedside monitor VSM-200", "AUR-VSM200", new ProductRequirements
        {
            SmallestPassive = PassiveSize.Size0201,
            FinestBgaPitchMm = 0.5m,
            Board = new BoardSize(180, 120),
            Layers = 10,
            Tests = TestTypes.Aoi | TestTypes.Ict | TestTypes.Fct,
            Processes = Processes.DoubleSidedReflow | Processes.ConformalCoat,
            Certifications = new HashSet<CertificationStandard> { CertificationStandard.Iso13485 },
        });
        db.Products.Add(product);

        const string by = "admin@aurora-medical.example";
        var timeline = new DemoTimeline(now);
        var program = ProductProgram.Start(product, "VSM-200 second source", 4000, primaryLine, timeline.ProgramStarted, by);
        program.AddCandidate(vistulaLine, timeline.CandidatesAdded, by);
        program.AddCandidate(dongguanLine, timeline.CandidatesAdded, by);
        program.AddCandidate(saigonLine, timeline.CandidatesAdded.AddDays(2), by);
        db.Programs.Add(program);

        void Assess(ManufacturingLine line, CandidateAssessment assessment, string evidence)
        {
            var record = CandidateAssessmentRecord.Create(program.Id, line.Id);
            record.Record(assessment, evidence, timeline.CandidatesAssessed, "engineer@aurora-medical.example");
            db.Assessments.Add(record);
        }

        Assess(vistulaLine, new CandidateAssessment(5, 5, 10, 5, 24.10m), "Site visit and IP-protection audit; NDA signed; quote Q-2026-118");
        Assess(dongguanLine, new CandidateAssessment(3, 3, 25, 3, 18.40m), "Video audit; quote DA-7731; shares an industrial zone with the primary");
        Assess(saigonLine, new CandidateAssessment(4, 3, 15, 6, 16.90m), "Questionnaire only; quote SPA-220");
        db.Decisions.Add(program.Decide(vistulaLine.Id,
            "Only EU candidate; meets every requirement; strongest communication and IP discipline; will start at 10 % and has tested 4,500 units a week. " +
            "Dongguan is cheaper and faster but shares the primary's zone; Saigon lacks 0201 placement and a valid ISO 13485.",
            timeline.SecondSourceChosen, by));

        context.Report("4 lines at 4 sites (CN, PL, CN, VN), the product VSM-200 and its program: primary in production, 3 candidates assessed, the EU line chosen and in Transfer");
        return Task.CompletedTask;
    }
}
