using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Persistence;

/// <summary>Checks on the EF model that keep later features honest.</summary>
public sealed class ModelTests
{
    [Fact]
    public async Task Every_party_owned_buyer_only_and_shared_entity_has_the_named_party_filter()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var db = database.CreateContext(PartyScope.Unrestricted);

        var owned = db.Model.GetEntityTypes().Where(t => typeof(IPartyOwned).IsAssignableFrom(t.ClrType)).ToList();

        owned.Select(t => t.ClrType.Name).ShouldBe(["ApiKey", "UserAccount", "Site", "ManufacturingLine", "LineCertification", "ProgramLine", "StageChange", "LineProfileChange", "LineAcceptance", "AvlChange", "CoverageSnapshot", "AcceptanceEvidence", "Nda", "VaultGrant", "DownloadLink", "RevisionAcknowledgement", "VaultNotification", "LineFixture", "TestBatch", "TestUnit", "TestRun", "MeasurementSet", "BatchMeasurementStatistic", "TestDataImport", "TestDefect", "DfmItem", "DfmItemChange", "PilotGateDecision", "ShiftPlan", "SurgeRunRecord", "ShiftDrill", "PlannedWeek", "OperatorTraining", "SerialBlock", "DeviceCertificate", "ReviewLineSection", "PurchaseRecord"], ignoreOrder: true);
        var buyerOnly = db.Model.GetEntityTypes().Where(t => typeof(IBuyerOnly).IsAssignableFrom(t.ClrType)).ToList();
        buyerOnly.Select(t => t.ClrType.Name).ShouldBe(["CandidateAssessmentRecord", "SelectionDecision", "Artifact", "ArtifactRevision", "AccessLogEntry", "LogCheckpoint", "ForecastPeriod", "CustodyKey", "FirmwareRelease", "ProvisioningProfile", "QuarterlyReview", "ReviewVerdictRecord", "ReviewCalendar", "ReviewFinding", "FindingAction"], ignoreOrder: true);
        var shared = new[] { typeof(Party), typeof(SecondSource.Domain.Programs.ProductProgram), typeof(SecondSource.Domain.Programs.Product),
            typeof(SecondSource.Domain.Boms.BomRevision), typeof(SecondSource.Domain.Boms.BomRevisionLine), typeof(SecondSource.Domain.Boms.BomRevisionSource),
            typeof(SecondSource.Domain.Avl.Part), typeof(SecondSource.Domain.Avl.AvlEntry), typeof(SecondSource.Domain.Avl.QualificationRecord), typeof(SecondSource.Domain.Avl.QualificationEvidence), typeof(SecondSource.Domain.Statistics.MeasurementMargin) }.Select(t => db.Model.FindEntityType(t)!);
        foreach (var entityType in owned.Concat(buyerOnly).Concat(shared))
        {
            entityType.GetDeclaredQueryFilters().Select(f => f.Key).ShouldContain(SecondSourceDbContext.PartyFilter, entityType.ClrType.Name);
        }
    }

    [Fact]
    public async Task Every_timestamp_is_stored_as_a_sortable_utc_value_on_sqlite()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var db = database.CreateContext(PartyScope.Unrestricted);

        var timestamps = db.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
            .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)).ToList();

        timestamps.ShouldNotBeEmpty();
        timestamps.ShouldAllBe(p => p.GetValueConverter() != null && p.GetValueConverter()!.ProviderClrType == typeof(long));
    }

    [Theory, DatabaseProviders]
    public async Task Each_providers_migrations_match_the_model(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext(PartyScope.Unrestricted);

        db.Database.HasPendingModelChanges().ShouldBeFalse("a model change needs a migration on both providers (README)");
    }
}
