using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SecondSource.Application.Parties;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Boms;
using SecondSource.Domain.Lines;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Programs;
using SecondSource.Domain.TestData;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Persistence;

/// <summary>
/// The one database of an installation. Mappings live in <c>Persistence/Configurations</c>; party isolation is the
/// named query filter <see cref="PartyFilter"/>, defined once in <see cref="PartyFilters"/> and applied here (and by
/// SQLite's compiled model, ADR 0020): to every <see cref="IPartyOwned"/> entity (own rows only), every
/// <see cref="IBuyerOnly"/> entity (none at all), and to programs and products (those a manufacturer's lines take part in).
/// </summary>
public sealed class SecondSourceDbContext(DbContextOptions<SecondSourceDbContext> options, IPartyContext partyContext)
    : IdentityUserContext<UserAccount, Guid>(options)
{
    /// <summary>Name of the query filter that restricts a manufacturer to its own rows.</summary>
    public const string PartyFilter = "Party";

    private readonly bool _withoutPartyFilters;

    private SecondSourceDbContext(DbContextOptions<SecondSourceDbContext> options, bool withoutPartyFilters)
        : this(options, FixedPartyContext.System) => _withoutPartyFilters = withoutPartyFilters;

    /// <summary>
    /// A context whose model has no party filters, for one purpose only: <c>dotnet ef dbcontext optimize</c>, which
    /// cannot write query filters into a compiled model (dotnet/efcore#24897). The compiled model gets them back from
    /// <see cref="PartyFilters"/> as it is loaded (ADR 0020); its own service provider keeps this model out of every
    /// cache a real context uses.
    /// </summary>
    public static SecondSourceDbContext ForCompiledModelGeneration(DbContextOptionsBuilder<SecondSourceDbContext> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SecondSourceDbContext(options.EnableServiceProviderCaching(false).Options, withoutPartyFilters: true);
    }

    public DbSet<Party> Parties => Set<Party>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Site> Sites => Set<Site>();

    public DbSet<ManufacturingLine> Lines => Set<ManufacturingLine>();

    public DbSet<LineProfileChange> LineProfileChanges => Set<LineProfileChange>();

    public DbSet<ZoneDefinition> Zones => Set<ZoneDefinition>();

    public DbSet<BomRevision> BomRevisions => Set<BomRevision>();

    public DbSet<BomRevisionLine> BomRevisionLines => Set<BomRevisionLine>();

    public DbSet<Part> Parts => Set<Part>();

    public DbSet<ComponentManufacturer> ComponentManufacturers => Set<ComponentManufacturer>();

    public DbSet<ManufacturerAlias> ManufacturerAliases => Set<ManufacturerAlias>();

    public DbSet<AvlEntry> AvlEntries => Set<AvlEntry>();

    public DbSet<QualificationRecord> QualificationRecords => Set<QualificationRecord>();

    public DbSet<LineAcceptance> LineAcceptances => Set<LineAcceptance>();

    public DbSet<AvlChange> AvlChanges => Set<AvlChange>();

    public DbSet<CoverageSnapshot> CoverageSnapshots => Set<CoverageSnapshot>();

    public DbSet<QualificationEvidence> QualificationEvidence => Set<QualificationEvidence>();

    public DbSet<AcceptanceEvidence> AcceptanceEvidence => Set<AcceptanceEvidence>();

    public DbSet<Artifact> Artifacts => Set<Artifact>();

    public DbSet<ArtifactRevision> ArtifactRevisions => Set<ArtifactRevision>();

    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();

    public DbSet<LogCheckpoint> LogCheckpoints => Set<LogCheckpoint>();

    public DbSet<Nda> Ndas => Set<Nda>();

    public DbSet<VaultGrant> VaultGrants => Set<VaultGrant>();

    public DbSet<DownloadLink> DownloadLinks => Set<DownloadLink>();

    public DbSet<RevisionAcknowledgement> Acknowledgements => Set<RevisionAcknowledgement>();

    public DbSet<VaultNotification> VaultNotifications => Set<VaultNotification>();

    public DbSet<LineFixture> Fixtures => Set<LineFixture>();

    public DbSet<TestBatch> TestBatches => Set<TestBatch>();

    public DbSet<TestUnit> TestUnits => Set<TestUnit>();

    public DbSet<TestRun> TestRuns => Set<TestRun>();

    public DbSet<MeasurementSet> MeasurementSets => Set<MeasurementSet>();

    public DbSet<BatchMeasurementStatistic> BatchStatistics => Set<BatchMeasurementStatistic>();

    public DbSet<TestDataImport> TestDataImports => Set<TestDataImport>();

    public DbSet<TestDefect> TestDefects => Set<TestDefect>();

    public DbSet<DfmItem> DfmItems => Set<DfmItem>();

    public DbSet<DfmItemChange> DfmItemChanges => Set<DfmItemChange>();

    public DbSet<PilotGateDecision> PilotGateDecisions => Set<PilotGateDecision>();

    public DbSet<Domain.Statistics.MeasurementMargin> MeasurementMargins => Set<Domain.Statistics.MeasurementMargin>();

    public DbSet<Domain.Planning.ShiftPlan> ShiftPlans => Set<Domain.Planning.ShiftPlan>();

    public DbSet<Domain.Planning.SurgeRunRecord> SurgeRuns => Set<Domain.Planning.SurgeRunRecord>();

    public DbSet<Domain.Planning.ShiftDrill> ShiftDrills => Set<Domain.Planning.ShiftDrill>();

    public DbSet<Domain.Planning.ForecastPeriod> ForecastPeriods => Set<Domain.Planning.ForecastPeriod>();

    public DbSet<Domain.Planning.PlannedWeek> PlannedWeeks => Set<Domain.Planning.PlannedWeek>();

    public DbSet<Domain.Planning.OperatorTraining> OperatorTrainings => Set<Domain.Planning.OperatorTraining>();

    public DbSet<Domain.Provisioning.CustodyKey> CustodyKeys => Set<Domain.Provisioning.CustodyKey>();

    public DbSet<Domain.Provisioning.FirmwareRelease> FirmwareReleases => Set<Domain.Provisioning.FirmwareRelease>();

    public DbSet<Domain.Provisioning.ProvisioningProfile> ProvisioningProfiles => Set<Domain.Provisioning.ProvisioningProfile>();

    public DbSet<Domain.Provisioning.SerialBlock> SerialBlocks => Set<Domain.Provisioning.SerialBlock>();

    public DbSet<Domain.Provisioning.DeviceCertificate> DeviceCertificates => Set<Domain.Provisioning.DeviceCertificate>();

    public DbSet<Domain.Reviews.QuarterlyReview> QuarterlyReviews => Set<Domain.Reviews.QuarterlyReview>();

    public DbSet<Domain.Reviews.ReviewVerdictRecord> ReviewVerdicts => Set<Domain.Reviews.ReviewVerdictRecord>();

    public DbSet<Domain.Reviews.ReviewLineSection> ReviewLineSections => Set<Domain.Reviews.ReviewLineSection>();

    public DbSet<Domain.Reviews.ReviewCalendar> ReviewCalendars => Set<Domain.Reviews.ReviewCalendar>();

    public DbSet<Domain.Reviews.ReviewFinding> ReviewFindings => Set<Domain.Reviews.ReviewFinding>();

    public DbSet<Domain.Reviews.FindingAction> FindingActions => Set<Domain.Reviews.FindingAction>();

    public DbSet<Domain.Reviews.PurchaseRecord> PurchaseRecords => Set<Domain.Reviews.PurchaseRecord>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<ProductProgram> Programs => Set<ProductProgram>();

    public DbSet<ProgramLine> ProgramLines => Set<ProgramLine>();

    public DbSet<CandidateAssessmentRecord> Assessments => Set<CandidateAssessmentRecord>();

    public DbSet<SelectionDecision> Decisions => Set<SelectionDecision>();

    /// <summary>The web app's Data Protection key ring, shared by every instance.</summary>
    public DbSet<StoredXmlKey> DataProtectionKeys => Set<StoredXmlKey>();

    public DbSet<Scheduling.ScheduledRun> ScheduledRuns => Set<Scheduling.ScheduledRun>();

    /// <summary>
    /// Set by the access-log writer while it commits a unit that holds nothing but log entries (a logged read): the
    /// data-version interceptors then move <see cref="DataVersion.Log"/> instead of <see cref="DataVersion.Current"/>.
    /// </summary>
    internal bool LogOnlyUnit { get; set; }

    /// <summary>Read by the query filters each time a query runs.</summary>
    internal bool PartyRestricted => partyContext.Scope.IsRestricted;

    /// <summary>Read by the query filters each time a query runs.</summary>
    internal PartyId ScopedPartyId => partyContext.Scope.PartyId;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<PartyId>().HaveConversion<PartyIdConverter>();
        configurationBuilder.Properties<ApiKeyId>().HaveConversion<ApiKeyIdConverter>();
        configurationBuilder.Properties<Role>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<PartyKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<LineStage>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<LineRole>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<PassiveSize>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<CertificationStandard>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<CountryCode>().HaveConversion<CountryCodeConverter>().HaveMaxLength(2);
        configurationBuilder.Properties<AvlStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Lifecycle>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<QualificationAspect>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<QualificationVerdict>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<QualificationMethod>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<AcceptanceState>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);

        // SQLite has no date type and cannot compare DateTimeOffset text; store UTC ticks, which sort.
        // PostgreSQL stores timestamptz natively and accepts only offset zero, so values are normalised to UTC.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SecondSourceDbContext).Assembly);

        if (!_withoutPartyFilters)
        {
            foreach (var (entity, filter) in PartyFilters.For(builder.Model.GetEntityTypes().Select(t => t.ClrType), Expression.Constant(this)))
            {
                builder.Entity(entity).HasQueryFilter(PartyFilter, filter);
            }
        }
    }

    /// <summary>
    /// A country code as its two letters. The empty text stands for no code (<c>default</c>): never stored, but the
    /// compiled model (ADR 0020) records a property's sentinel as a provider value, and it must convert back.
    /// </summary>
    public sealed class CountryCodeConverter() : ValueConverter<CountryCode, string>(c => c.Value ?? "", v => v.Length == 0 ? default : CountryCode.Parse(v, "Country"));

    public sealed class PartyIdConverter() : ValueConverter<PartyId, Guid>(id => id.Value, value => new PartyId(value));

    public sealed class ApiKeyIdConverter() : ValueConverter<ApiKeyId, Guid>(id => id.Value, value => new ApiKeyId(value));

    public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
