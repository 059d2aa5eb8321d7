using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Demo;
using SecondSource.Application.Lines;

namespace SecondSource.Application.Programs;

/// <summary>Registers manufacturing lines and second-source programs.</summary>
public static class ProgramsServiceCollectionExtensions
{
    public static IServiceCollection AddPrograms(this IServiceCollection services)
    {
        services.AddScoped<LineQueries>();
        services.AddScoped<ZoneQueries>();
        services.AddScoped<SaveZonesHandler>();
        services.AddScoped<UpdateLineProfileHandler>();
        services.AddScoped<AddLineHandler>();
        services.AddScoped<SiteQueries>();
        services.AddScoped<LineProfileChangeQueries>();
        services.AddScoped<ProgramQueries>();
        services.AddScoped<ProgramFacts>();
        services.AddScoped<ManufacturerAgenda>();
        services.AddScoped<GettingStartedQueries>();
        services.AddScoped<StartProgramHandler>();
        services.AddScoped<AddCandidateHandler>();
        services.AddScoped<RecordAssessmentHandler>();
        services.AddScoped<EvaluateCandidatesHandler>();
        services.AddScoped<DecideSecondSourceHandler>();
        services.AddScoped<ChangeStageHandler>();
        services.AddScoped<CreateProductHandler>();
        services.AddScoped<UpdateProductRequirementsHandler>();
        services.AddScoped<ProductQueries>();
        services.AddScoped<DeriveRequirementsHandler>();
        services.AddScoped<IDemoSeeder, ProgramsDemoSeeder>();
        return services;
    }
}
