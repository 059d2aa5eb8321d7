global using SecondSource.Web.Tests.Infrastructure;
