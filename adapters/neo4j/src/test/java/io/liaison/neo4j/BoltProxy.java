package io.liaison.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay in front of the embedded Neo4j's Bolt port, so that a test can break the connections
 * a driver holds, as a network failure or a crashed server would, while the database goes on. Bytes
 * pass unchanged; {@link #cut()} resets every connection open at that moment (both sides see a
 * reset), and new connections are still accepted.
 */
final class BoltProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final String targetHost;
  private final int targetPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "bolt-proxy");
            t.setDaemon(true);
            return t;
          });

  BoltProxy(URI bolt) throws IOException {
    this.targetHost = bolt.getHost();
    this.targetPort = bolt.getPort();
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  /** The URI a driver connects to instead of the database's. */
  String uri() {
    return "bolt://127.0.0.1:" + listener.getLocalPort();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(targetHost, targetPort);
        sockets.add(client);
        sockets.add(server);
        threads.execute(() -> relay(client, server));
        threads.execute(() -> relay(server, client));
      } catch (IOException e) {
        // the listener was closed, or the database refused: the driver sees its connection fail
      }
    }
  }

  private void relay(Socket from, Socket to) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // cut, or closed by either side
    } finally {
      reset(from);
      reset(to);
    }
  }

  /** Resets every connection open now; returns how many sockets it closed. */
  int cut() {
    int n = 0;
    for (Socket s : sockets) {
      reset(s);
      n++;
    }
    return n;
  }

  private void reset(Socket s) {
    sockets.remove(s);
    try {
      s.setSoLinger(true, 0); // a reset, not an orderly close: the peer learns nothing more
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    cut();
    threads.shutdownNow();
  }
}
