global using Xunit;
global using GitRegistry.Testing;
