// Declarations-only stand-in for the few Crypto++ types i2pd (2014) names
// in class members and signatures. Written for the cancellint benchmark;
// it holds no Crypto++ code. Member functions are declared, never defined.
#pragma once
#include <cstddef>
#include <cstdint>
namespace CryptoPP {
typedef unsigned char byte;
class RandomNumberGenerator {
public:
  virtual ~RandomNumberGenerator();
  void GenerateBlock(byte *output, size_t size);
  uint32_t GenerateWord32(uint32_t min = 0, uint32_t max = 0xffffffffUL);
};
class AutoSeededRandomPool : public RandomNumberGenerator {};
class Integer {
public:
  Integer();
  Integer(long value);
  Integer(const byte *encoded, size_t byteCount);
  Integer(RandomNumberGenerator &rng, const Integer &min, const Integer &max);
  static const Integer &One();
  void Encode(byte *output, size_t outputLen) const;
  friend Integer operator-(const Integer &a, const Integer &b);
  friend Integer operator*(const Integer &a, const Integer &b);
  friend Integer operator%(const Integer &a, const Integer &b);
};
Integer a_exp_b_mod_c(const Integer &x, const Integer &e, const Integer &m);
Integer a_times_b_mod_c(const Integer &x, const Integer &y, const Integer &m);
class HashTransformation {
public:
  void CalculateDigest(byte *digest, const byte *input, size_t length);
  void Update(const byte *input, size_t length);
  void Final(byte *digest);
  bool VerifyDigest(const byte *digest, const byte *input, size_t length);
};
class SHA256 : public HashTransformation {};
class SHA1 : public HashTransformation {};
class Adler32 : public HashTransformation {};
namespace Weak1 { class MD5 : public HashTransformation {}; }
class AES {};
class DH {
public:
  DH(const Integer &p, const Integer &g);
  void GenerateKeyPair(RandomNumberGenerator &rng, byte *privateKey, byte *publicKey) const;
  bool Agree(byte *agreedValue, const byte *privateKey, const byte *otherPublicKey, bool validateOtherPublicKey = true) const;
};
template <class Cipher> struct ECB_Mode {
  struct Encryption {
    void SetKey(const byte *key, size_t length);
    void ProcessData(byte *outString, const byte *inString, size_t length);
  };
  struct Decryption {
    void SetKey(const byte *key, size_t length);
    void ProcessData(byte *outString, const byte *inString, size_t length);
  };
};
template <class Cipher> struct CBC_Mode : ECB_Mode<Cipher> {};
} // namespace CryptoPP
