using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Query;
using SecondSource.Application.Persistence;

namespace SecondSource.Migrations.Sqlite.CompiledModel;

/// <summary>
/// Written by hand beside the generated compiled model (CompiledModel/, regenerated with the command in README.md):
/// gives it back the party filters that <c>dotnet ef dbcontext optimize</c> cannot write (ADR 0020). The filters come
/// from <see cref="PartyFilters"/>, the one definition the model builder uses too, bound to a stand-in context that
/// the query pipeline replaces with the running one; a context's <c>Set&lt;T&gt;()</c> inside a filter becomes the
/// entity's query root, as EF's own filter convention does for a built model. <c>CompiledModelTests</c> checks that
/// every entity has the same filter here as in the built model.
/// </summary>
public partial class SecondSourceDbContextModel
{
    partial void Customize()
    {
        IModel model = this;
        var context = Expression.Constant(null, typeof(SecondSourceDbContext));
        foreach (var (entity, filter) in PartyFilters.For(model.GetEntityTypes().Select(t => t.ClrType), context))
        {
            var entityType = (RuntimeEntityType)model.FindEntityType(entity)!;
            var rooted = (LambdaExpression)new SetToQueryRoot(model).Visit(filter);
#pragma warning disable EF1001 // Where and how EF keeps a runtime entity's filters (annotation, collection and filter types); CompiledModelTests fails if an EF update moves them.
            entityType.AddAnnotation(CoreAnnotationNames.QueryFilter, new QueryFilterCollection([new RuntimeQueryFilter(SecondSourceDbContext.PartyFilter, rooted)]));
#pragma warning restore EF1001
        }
    }

    private sealed class SetToQueryRoot(IModel model) : ExpressionVisitor
    {
        private static readonly MethodInfo Set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;

        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.IsGenericMethod && node.Method.GetGenericMethodDefinition() == Set
                ? new EntityQueryRootExpression(model.FindEntityType(node.Method.GetGenericArguments()[0])!)
                : base.VisitMethodCall(node);
    }
}
