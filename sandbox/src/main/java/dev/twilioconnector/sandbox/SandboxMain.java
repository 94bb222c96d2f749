package dev.twilioconnector.sandbox;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a sandbox until the process is killed: {@code java dev.twilioconnector.sandbox.SandboxMain [--port N]}.
 * Prints the base URL, the Account SID and the Auth Token, one per line, for a demo client to pick up.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            if ("--port".equals(args[i]) && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else {
                System.err.println("usage: SandboxMain [--port N]");
                System.exit(2);
            }
        }
        TwilioSandbox sandbox = TwilioSandbox.start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "twilio-sandbox-shutdown"));
        System.out.println(sandbox.baseUrl());
        System.out.println(sandbox.accountSid());
        System.out.println(sandbox.authToken());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
