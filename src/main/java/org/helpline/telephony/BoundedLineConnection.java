package org.helpline.telephony;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.asteriskjava.util.SocketConnectionFacade;
import org.jspecify.annotations.Nullable;

/**
 * One FastAGI connection whose lines may be at most so long. Asterisk-Java's own connection
 * reads a line whatever its length, so a peer sending a line that never ends would fill the
 * heap. Lines are only split here; Asterisk-Java still reads the protocol.
 */
class BoundedLineConnection implements SocketConnectionFacade {

	private final Socket socket;

	private final InputStream in;

	private final Writer out;

	private final int maxLineBytes;

	/** Lines of the request (Asterisk sends about 25); past the empty line ending it, no limit. */
	private static final int MAX_REQUEST_LINES = 64;

	private int requestLines;

	private final int readTimeoutMillis;

	/**
	 * @param requestTimeoutMillis how long the request may take to arrive (Asterisk sends it at
	 * once), so that idle connections cannot hold the calls' slots
	 * @param readTimeoutMillis how long the connection may then stay silent (a prompt playing)
	 */
	BoundedLineConnection(Socket socket, int maxLineBytes, int requestTimeoutMillis, int readTimeoutMillis)
			throws IOException {
		this.socket = socket;
		this.readTimeoutMillis = readTimeoutMillis;
		socket.setSoTimeout(requestTimeoutMillis);
		this.in = new BufferedInputStream(socket.getInputStream());
		this.out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
		this.maxLineBytes = maxLineBytes;
	}

	/** The next line without its end, or null when the peer closed the connection first. */
	@Override
	public @Nullable String readLine() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int next;
		while ((next = in.read()) != -1 && next != '\n') {
			if (line.size() >= maxLineBytes) {
				throw new IOException("FastAGI line longer than " + maxLineBytes + " bytes");
			}
			line.write(next);
		}
		if (next == -1 && line.size() == 0) {
			return null;
		}
		String text = line.toString(StandardCharsets.UTF_8);
		countRequestLine(text);
		return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
	}

	private void countRequestLine(String text) throws IOException {
		if (requestLines < 0) {
			return;
		}
		if (text.isEmpty() || text.equals("\r")) {
			requestLines = -1; // the request is complete: what follows are Asterisk's replies
			socket.setSoTimeout(readTimeoutMillis);
		}
		else if (++requestLines > MAX_REQUEST_LINES) {
			throw new IOException("FastAGI request longer than " + MAX_REQUEST_LINES + " lines");
		}
	}

	@Override
	public void write(String text) throws IOException {
		out.write(text);
	}

	@Override
	public void flush() throws IOException {
		out.flush();
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

	@Override
	public boolean isConnected() {
		return socket.isConnected();
	}

	@Override
	public InetAddress getLocalAddress() {
		return socket.getLocalAddress();
	}

	@Override
	public int getLocalPort() {
		return socket.getLocalPort();
	}

	@Override
	public InetAddress getRemoteAddress() {
		return socket.getInetAddress();
	}

	@Override
	public int getRemotePort() {
		return socket.getPort();
	}

}
