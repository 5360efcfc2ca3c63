global using Shop.Grains.Tests.Support;
