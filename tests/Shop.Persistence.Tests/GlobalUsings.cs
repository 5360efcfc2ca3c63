global using Shop.Persistence.Tests.Support;
