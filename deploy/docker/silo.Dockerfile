# syntax=docker/dockerfile:1
# Shop.Silo: a silo of the shop cluster, and the database schema commands.
#
#   docker build -f deploy/docker/silo.Dockerfile -t shop-silo .          (from the repository root)
#   docker run --env-file .env shop-silo                                   a silo
#   docker run --env-file .env shop-silo migrate | rollback | migration-status
#
# Ports: SILO_PORT (11111, silo to silo), GATEWAY_PORT (30000, API nodes), METRICS_PORT (Prometheus,
# when set). SILO_ADVERTISED_IP defaults to the container's IP (deploy/docker/silo-entrypoint.sh), and
# the silo and gateway ports listen on that address only; CLUSTER_TLS_* (mounted certificates) secure them.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project and lock files only, so a code change does not re-download packages;
# locked: exactly the versions of the committed packages.lock.json files.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Shop.Grains.Abstractions/Shop.Grains.Abstractions.csproj src/Shop.Grains.Abstractions/packages.lock.json src/Shop.Grains.Abstractions/
COPY src/Shop.Grains/Shop.Grains.csproj src/Shop.Grains/packages.lock.json src/Shop.Grains/
COPY src/Shop.Silo/Shop.Silo.csproj src/Shop.Silo/packages.lock.json src/Shop.Silo/
RUN dotnet restore --locked-mode src/Shop.Silo/Shop.Silo.csproj
COPY src/Shop.Grains.Abstractions/ src/Shop.Grains.Abstractions/
COPY src/Shop.Grains/ src/Shop.Grains/
COPY src/Shop.Silo/ src/Shop.Silo/
# The build context has no .git, so the commit that /api/health and shop_build_info report is
# passed in: docker-compose build --build-arg SOURCE_REVISION_ID=$(git rev-parse HEAD). Without it: "unknown".
ARG SOURCE_REVISION_ID=
RUN dotnet publish src/Shop.Silo/Shop.Silo.csproj -c Release --no-restore -o /app -p:UseAppHost=false -p:SourceRevisionId="$SOURCE_REVISION_ID"
COPY deploy/docker/silo-entrypoint.sh deploy/docker/silo-healthcheck.sh /app/
RUN chmod 0755 /app/silo-entrypoint.sh /app/silo-healthcheck.sh

# Shop.Silo uses ASP.NET Core (the Orleans dashboard's statistics), so it needs the aspnet runtime.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV SILO_PORT=11111 \
    GATEWAY_PORT=30000
EXPOSE 11111 30000 9464
# The image's non-root user (uid 1654).
USER $APP_UID
# Healthy once the gateway port accepts connections (it is bound while the silo starts and serves
# clients once the silo is active; whether the silo joined the cluster shows in /api/health and
# the dashboard), on the container's address the silo binds it to (silo-healthcheck.sh). bash's
# /dev/tcp: the runtime image has no curl.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["/app/silo-healthcheck.sh"]
ENTRYPOINT ["/app/silo-entrypoint.sh"]
