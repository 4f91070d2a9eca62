# syntax=docker/dockerfile:1
#
# One image recipe for all four Gridline services; the build argument APP picks the one that runs:
#
#   docker build --build-arg APP=issue-dispatch -t gridline/issue-dispatch .
#
# APP is one of grid-registry, issue-dispatch, volunteer-coordination, analytics. Configuration comes from
# environment variables at run time (libs/platform/src/config/service-config.ts); see docker-compose.yml.

# --- build: full dependency tree, compile TypeScript to dist/ ------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app

# Lockfile first, so the dependency layer is reused while only sources change.
# --ignore-scripts: no dependency needs an install script to compile or run (the lockfile's only ones are
# dev-only native extras of testcontainers — ssh2/cpu-features, which would want a C toolchain — a
# protobufjs version notice and @scarf/scarf's download telemetry). Revisit if a native module is added.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY scripts ./scripts
# The development token signer is compiled with the edge (its development sign-in, refused in production).
COPY deploy/auth/dev-token-signer.cjs ./deploy/auth/
# tsc + tsc-alias: @gridline/* path aliases become relative requires, so dist/ runs without tsconfig-paths.
RUN npm run build

# --- runtime: production dependencies + compiled output only ---------------------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

COPY --from=build /app/dist ./dist

# Declared this late on purpose: everything above is identical for the four services, so their builds share
# those layers and differ only from here on.
ARG APP
# HTTP_HOST defaults to 127.0.0.1 in the service config, which inside a container would make the port
# unreachable from outside it; 0.0.0.0 listens on the container's network interface too. NODE_OPTIONS caps V8's
# old space (ADR 0041): under load a service collects instead of growing its heap; `npm start` and the tests run
# the services with the same (libs/testing serviceNodeOptions; a spec keeps the two equal).
ENV APP=${APP} \
    HTTP_HOST=0.0.0.0 \
    NODE_OPTIONS=--max-old-space-size=128
# Fail the build, not the container start, when APP is missing or names no service.
RUN test -n "$APP" && test -f "dist/apps/$APP/src/main.js" \
    || { echo "build-arg APP must name a service with dist/apps/<APP>/src/main.js (got '$APP')" >&2; exit 1; }

USER node

# The port variable is derived from APP (issue-dispatch -> ISSUE_DISPATCH_PORT) with the service's default
# port as fallback. /health/ready answers 200 only when the service's database, Redis and Kafka (producer, every
# consumer group joined) answer (docs/adr/0025); /health/live is the liveness probe for an orchestrator.
HEALTHCHECK --interval=10s --timeout=5s --start-period=40s --retries=3 \
    CMD ["node", "-e", "const a=process.env.APP,p=process.env[a.toUpperCase().replace(/-/g,'_')+'_PORT']||{'grid-registry':3001,'issue-dispatch':3002,'volunteer-coordination':3003,analytics:3004}[a];fetch('http://127.0.0.1:'+p+'/health/ready',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# Shell form so $APP expands; `exec` makes node replace the shell, so SIGTERM reaches node and Nest's
# shutdown hooks drain consumers, the outbox relay and timers before exit.
CMD exec node "dist/apps/$APP/src/main.js"
