package dev.wasrisc.reference;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.FunctionType;
import dev.wasrisc.cgen.PlatformImports;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The {@code zkvm} import module in the reference interpreter: the accelerators a guest's output
 * depends on, from Bouncy Castle and the JDK rather than the Rust library the pipelines link, so
 * that agreement between the two is evidence. Keccak-256, SHA-256, RIPEMD-160, modexp and the
 * secp256k1 and secp256r1 functions are here; a guest that calls one of the others (BN254,
 * BLS12-381, KZG, BLAKE2f) traps in the reference with that said.
 */
final class ZkvmReference {

    static final String MODULE = PlatformImports.ZKVM_MODULE;

    private static final long OK = 0;
    private static final long FAIL = -1;

    @FunctionalInterface
    private interface Accelerator {
        long call(Memory memory, long[] args);
    }

    private static final Map<String, Accelerator> ACCELERATORS = Map.of(
            "keccak256", (m, a) -> digest(m, a, new KeccakDigest(256)),
            "sha256", (m, a) -> {
                write(m, a[2], sha256(read(m, a[0], a[1])));
                return OK;
            },
            "ripemd160", (m, a) -> {
                byte[] padded = new byte[32];
                byte[] hash = hash(new RIPEMD160Digest(), read(m, a[0], a[1]));
                System.arraycopy(hash, 0, padded, 12, hash.length);
                write(m, a[2], padded);
                return OK;
            },
            "secp256k1_ecrecover", ZkvmReference::ecrecover,
            "secp256k1_verify", (m, a) -> verify(m, a, "secp256k1", true),
            "secp256r1_verify", (m, a) -> verify(m, a, "secp256r1", false),
            "modexp", ZkvmReference::modexp);

    private ZkvmReference() {}

    /**
     * Whether the reference serves the import: the {@code zkvm} module's, and alloy's native-keccak
     * hook ({@code vm_hooks.native_keccak256}), as the platform does ({@link PlatformImports#overMemory}).
     */
    static boolean serves(String module, String field) {
        return !module.equals(PlatformImports.WASI_MODULE) && PlatformImports.overMemory(module, field).isPresent();
    }

    /** A host function for the guest's import {@code module.field}, of the type the guest declares. */
    static HostFunction function(String module, String field, FunctionType type) {
        if (module.equals(PlatformImports.ALLOY_KECCAK_MODULE)) {
            return new HostFunction(module, field, type.params(), type.returns(), (Instance instance, long... args) -> {
                digest(instance.memory(), args, new KeccakDigest(256));
                return null;
            });
        }
        Accelerator accelerator = ACCELERATORS.get(field);
        return new HostFunction(MODULE, field, type.params(), type.returns(), (Instance instance, long... args) -> {
            if (accelerator == null) {
                throw new ChicoryException("the reference interpreter does not implement the accelerator zkvm." + field
                        + " (it has " + String.join(", ", ACCELERATORS.keySet().stream().sorted().toList()) + ")");
            }
            return new long[] {accelerator.call(instance.memory(), args)};
        });
    }

    private static byte[] read(Memory memory, long offset, long length) {
        return memory.readBytes((int) offset, (int) length);
    }

    private static void write(Memory memory, long offset, byte[] bytes) {
        memory.write((int) offset, bytes);
    }

    private static long digest(Memory memory, long[] args, KeccakDigest digest) {
        write(memory, args[2], hash(digest, read(memory, args[0], args[1])));
        return OK;
    }

    private static byte[] hash(org.bouncycastle.crypto.Digest digest, byte[] data) {
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static ECDomainParameters curve(String name) {
        X9ECParameters parameters = CustomNamedCurves.getByName(name);
        return new ECDomainParameters(parameters.getCurve(), parameters.getG(), parameters.getN(), parameters.getH());
    }

    /**
     * Public-key recovery (SEC 1, 4.1.6): Q = r⁻¹(sR − eG), with R the point whose x is r and whose y
     * has the recovery id's parity. A high s is flipped with the id, as Ethereum's ecrecover accepts it.
     */
    private static long ecrecover(Memory memory, long[] args) {
        ECDomainParameters curve = curve("secp256k1");
        BigInteger n = curve.getN();
        byte[] hash = read(memory, args[0], 32);
        byte[] signature = read(memory, args[1], 64);
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        int recid = (int) args[2] & 0xff;
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0 || recid > 1) {
            return FAIL;
        }
        if (s.compareTo(n.shiftRight(1)) > 0) {
            s = n.subtract(s);
            recid ^= 1;
        }
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (recid == 0 ? 2 : 3);
        byte[] x = r.toByteArray();
        int length = Math.min(x.length, 32);
        System.arraycopy(x, x.length - length, compressed, 33 - length, length);
        ECPoint point;
        try {
            point = curve.getCurve().decodePoint(compressed);
        } catch (IllegalArgumentException e) {
            return FAIL;
        }
        BigInteger e = new BigInteger(1, hash);
        BigInteger rInverse = r.modInverse(n);
        ECPoint key = ECAlgorithms.sumOfTwoMultiplies(curve.getG(), e.negate().mod(n).multiply(rInverse).mod(n),
                point, s.multiply(rInverse).mod(n)).normalize();
        if (key.isInfinity()) {
            return FAIL;
        }
        write(memory, args[3], Arrays.copyOfRange(key.getEncoded(false), 1, 65));
        return OK;
    }

    /** ECDSA verification of a prehashed message; on secp256k1 a high s is refused, as k256 refuses it. */
    private static long verify(Memory memory, long[] args, String curveName, boolean lowS) {
        ECDomainParameters curve = curve(curveName);
        byte[] hash = read(memory, args[0], 32);
        byte[] signature = read(memory, args[1], 64);
        byte[] key = new byte[65];
        key[0] = 4;
        System.arraycopy(read(memory, args[2], 64), 0, key, 1, 64);
        ECPoint point;
        try {
            point = curve.getCurve().decodePoint(key);
        } catch (IllegalArgumentException e) {
            return FAIL;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        boolean valid;
        if (lowS && s.compareTo(curve.getN().shiftRight(1)) > 0) {
            valid = false;
        } else {
            ECDSASigner signer = new ECDSASigner();
            signer.init(false, new ECPublicKeyParameters(point, curve));
            valid = signer.verifySignature(hash, r, s);
        }
        memory.writeByte((int) args[3], (byte) (valid ? 1 : 0));
        return OK;
    }

    /** (base ^ exp) mod modulus, big-endian, written as mod_len bytes; 0 for a zero modulus, as in the EVM. */
    private static long modexp(Memory memory, long[] args) {
        BigInteger base = new BigInteger(1, read(memory, args[0], args[1]));
        BigInteger exponent = new BigInteger(1, read(memory, args[2], args[3]));
        int modLength = (int) args[5];
        BigInteger modulus = new BigInteger(1, read(memory, args[4], modLength));
        BigInteger result = modulus.signum() == 0 ? BigInteger.ZERO : base.modPow(exponent, modulus);
        byte[] bytes = result.toByteArray();
        byte[] out = new byte[modLength];
        int length = Math.min(bytes.length, modLength);
        System.arraycopy(bytes, bytes.length - length, out, modLength - length, length);
        write(memory, args[6], out);
        return OK;
    }
}
