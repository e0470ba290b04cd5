/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: keep it out of the server bundle.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // Uploads on /ingest: MAX_UPLOAD_BYTES (lib/ingest/limits.ts, 20 MB) plus room for the form's other fields,
    // so an upload over the limit is refused by the action with its own message, not cut off by the framework.
    serverActions: { bodySizeLimit: "21mb" },
    proxyClientMaxBodySize: "21mb",
  },
};

module.exports = nextConfig;
