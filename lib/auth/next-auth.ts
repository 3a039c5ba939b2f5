import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { requestContextFrom } from "@/lib/http/request-context";
import { LOGIN_RULES } from "./login-rules";
import { redeemLoginTicket } from "./redeem-login-ticket";

declare module "next-auth" {
  interface Session {
    sessionId?: string;
  }
}

/**
 * Auth.js carries the browser session in an encrypted cookie. Its only
 * credential is a login ticket that Cordon's own use cases hand out after the
 * password and any second factor passed; the cookie then names our Session
 * row, which `currentUser()` checks on every request (so revocation bites).
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: LOGIN_RULES.browserSessionMs / 1000 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { ticket: {} },
      async authorize(credentials, request) {
        if (typeof credentials.ticket !== "string") return null;
        const signedIn = await redeemLoginTicket(getDb(), credentials.ticket, requestContextFrom(request.headers));
        return signedIn && { id: signedIn.userId, email: signedIn.email, name: signedIn.name, sessionId: signedIn.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sid = (user as { sessionId?: string }).sessionId;
      return token;
    },
    session({ session, token }) {
      session.sessionId = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
});
