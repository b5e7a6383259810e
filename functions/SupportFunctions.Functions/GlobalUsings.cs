global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Logging;
global using Microsoft.Azure.Functions.Worker;
global using Microsoft.Extensions.Hosting;
global using Microsoft.Extensions.Configuration;
