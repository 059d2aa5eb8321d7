using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Demo;

namespace SecondSource.Application.Reviews;

/// <summary>Registers the quarterly reviews, their findings and the cost records they read.</summary>
public static class ReviewsServiceCollectionExtensions
{
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddScoped<ReviewFactsReader>();
        services.AddScoped<ReviewQueries>();
        services.AddScoped<GenerateReviewHandler>();
        services.AddScoped<SetReviewCalendarHandler>();
        services.AddScoped<RecordReviewMeetingHandler>();
        services.AddScoped<FreezeReviewHandler>();
        services.AddScoped<RecordRootCauseHandler>();
        services.AddScoped<AddFindingActionHandler>();
        services.AddScoped<SetFindingActionStatusHandler>();
        services.AddScoped<ImportPurchasesHandler>();
        services.AddScoped<IDemoSeeder, ReviewsDemoSeeder>();
        return services;
    }
}
