global using Shouldly;
global using Stratum.Data.Infrastructure;
global using Xunit;
