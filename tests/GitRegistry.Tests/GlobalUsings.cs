global using GitRegistry.Testing;
global using Xunit;
