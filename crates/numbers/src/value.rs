//! Number values that stay exact while they can.
//!
//! `1.5 million` must come out as the integer 1,500,000, not 1499999.9999999998, and
//! a 15-digit integer must not pass through a float. A [`Val`] carries the float
//! value and, as long as every step was exact, the same value as a decimal
//! `mantissa × 10^exponent`. Fractions (thirds, `1/3`) drop the exact form.

/// A normalized number as reported: an integer when the value is whole and fits `i64`,
/// a float otherwise.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    /// A whole value.
    Int(i64),
    /// Any other value.
    Float(f64),
}

impl Num {
    /// The value as `f64`.
    pub fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }
}

impl From<Num> for newsmill_core::Value {
    fn from(n: Num) -> Self {
        match n {
            Num::Int(i) => newsmill_core::Value::Int(i),
            Num::Float(f) => newsmill_core::Value::Float(f),
        }
    }
}

/// A value under construction (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Val {
    pub f: f64,
    exact: Exact,
}

/// `Option<(i128, i32)>` stored with 8-byte alignment. As a plain field the `i128`
/// makes every value 64 bytes, and values are copied with every parser state; this way
/// a value is 32 bytes.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Exact {
    lo: u64,
    hi: u64,
    exp: i32,
    some: bool,
}

impl Exact {
    const NONE: Exact = Exact {
        lo: 0,
        hi: 0,
        exp: 0,
        some: false,
    };

    fn new(v: Option<(i128, i32)>) -> Exact {
        match v {
            Some((m, exp)) => Exact {
                lo: m as u64,
                hi: (m >> 64) as u64,
                exp,
                some: true,
            },
            None => Exact::NONE,
        }
    }

    fn get(self) -> Option<(i128, i32)> {
        self.some.then(|| {
            let m = (u128::from(self.hi) << 64 | u128::from(self.lo)) as i128;
            (m, self.exp)
        })
    }
}

/// Largest power of ten kept in exact form; beyond it the float is used.
const MAX_EXP: i32 = 30;

/// Powers of ten that a double holds exactly.
const POW10_F64: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `10f64.powi(k)`, bit for bit, from a table where it can: `powi` computes the exact
/// power by squaring and, for a negative `k`, divides one by it, as done here.
fn pow10f(k: i32) -> f64 {
    match usize::try_from(k.unsigned_abs())
        .ok()
        .and_then(|i| POW10_F64.get(i))
    {
        Some(&p) if k >= 0 => p,
        Some(&p) => 1.0 / p,
        None => 10f64.powi(k),
    }
}

fn pow10(e: i32) -> Option<i128> {
    if (0..=MAX_EXP).contains(&e) {
        Some(10i128.pow(e.unsigned_abs()))
    } else {
        None
    }
}

/// Powers of ten that an `i64` holds.
const POW10_I64: [i64; 19] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
    10_000_000_000,
    100_000_000_000,
    1_000_000_000_000,
    10_000_000_000_000,
    100_000_000_000_000,
    1_000_000_000_000_000,
    10_000_000_000_000_000,
    100_000_000_000_000_000,
    1_000_000_000_000_000_000,
];

/// `m × n`, `None` on overflow. Mantissas nearly always fit 64 bits, and then the
/// product of two of them cannot overflow 128: one multiplication instead of the
/// library call that checked 128-bit multiplication is.
fn mul_checked(m: i128, n: i128) -> Option<i128> {
    match (i64::try_from(m), i64::try_from(n)) {
        (Ok(a), Ok(b)) => Some(i128::from(a) * i128::from(b)),
        _ => m.checked_mul(n),
    }
}

/// `m × 10^k`, `None` when `k` is out of the exact range or the product overflows.
fn mul_pow10_checked(m: i128, k: i32) -> Option<i128> {
    match usize::try_from(k).ok().and_then(|i| POW10_I64.get(i)) {
        Some(&p) => mul_checked(m, i128::from(p)),
        None => pow10(k).and_then(|p| m.checked_mul(p)),
    }
}

impl Val {
    pub const ZERO: Val = Val {
        f: 0.0,
        exact: Exact {
            lo: 0,
            hi: 0,
            exp: 0,
            some: true,
        },
    };

    pub fn int(i: i128) -> Val {
        Val {
            f: i as f64,
            exact: Exact::new(Some((i, 0))),
        }
    }

    /// `mant × 10^exp`.
    pub fn dec(mant: i128, exp: i32) -> Val {
        let f = if exp >= 0 {
            mant as f64 * pow10f(exp)
        } else {
            // Dividing two exactly representable values rounds once, correctly.
            mant as f64 / pow10f(-exp)
        };
        Val {
            f,
            exact: Exact::new(Some((mant, exp))),
        }
    }

    pub fn float(f: f64) -> Val {
        Val {
            f,
            exact: Exact::NONE,
        }
    }

    /// The exponent of the exact form, if the value has one.
    pub fn exact_exponent(self) -> Option<i32> {
        self.exact.get().map(|(_, e)| e)
    }

    pub fn is_zero(self) -> bool {
        self.f == 0.0
    }

    pub fn is_integer(self) -> bool {
        match self.exact.get() {
            Some((_, e)) if e >= 0 => true,
            // 64-bit division where the numbers fit: `i128 %` is a library call.
            Some((m, e)) => match (i64::try_from(m), -e) {
                (Ok(m), k @ 0..=18) => m % 10i64.pow(k.unsigned_abs()) == 0,
                _ => pow10(-e).is_some_and(|p| m % p == 0),
            },
            None => self.f.is_finite() && self.f.fract() == 0.0,
        }
    }

    pub fn add(self, o: Val) -> Val {
        let exact = match (self.exact.get(), o.exact.get()) {
            // The common case: same exponent (integers, or decimals of one scale).
            (Some((m1, e1)), Some((m2, e2))) if e1 == e2 => m1.checked_add(m2).map(|m| (m, e1)),
            (Some((m1, e1)), Some((m2, e2))) => {
                let e = e1.min(e2);
                let a = mul_pow10_checked(m1, e1 - e);
                let b = mul_pow10_checked(m2, e2 - e);
                match (a, b) {
                    (Some(a), Some(b)) => a.checked_add(b).map(|m| (m, e)),
                    _ => None,
                }
            }
            _ => None,
        };
        Val {
            f: self.f + o.f,
            exact: Exact::new(exact),
        }
    }

    pub fn sub(self, o: Val) -> Val {
        self.add(o.neg())
    }

    pub fn neg(self) -> Val {
        Val {
            f: -self.f,
            exact: Exact::new(
                self.exact
                    .get()
                    .and_then(|(m, e)| m.checked_neg().map(|m| (m, e))),
            ),
        }
    }

    pub fn mul_pow10(self, k: i32) -> Val {
        Val {
            f: self.f * pow10f(k),
            exact: Exact::new(
                self.exact
                    .get()
                    .and_then(|(m, e)| e.checked_add(k).map(|e| (m, e))),
            ),
        }
    }

    pub fn mul_int(self, n: i128) -> Val {
        Val {
            f: self.f * n as f64,
            exact: Exact::new(
                self.exact
                    .get()
                    .and_then(|(m, e)| mul_checked(m, n).map(|m| (m, e))),
            ),
        }
    }

    pub fn mul(self, o: Val) -> Val {
        let exact = match (self.exact.get(), o.exact.get()) {
            (Some((m1, e1)), Some((m2, e2))) => {
                mul_checked(m1, m2).and_then(|m| e1.checked_add(e2).map(|e| (m, e)))
            }
            _ => None,
        };
        Val {
            f: self.f * o.f,
            exact: Exact::new(exact),
        }
    }

    pub fn div(self, o: Val) -> Val {
        if let (Some((m1, e1)), Some((m2, e2))) = (self.exact.get(), o.exact.get())
            && m2 != 0
            && m1 % m2 == 0
            && let Some(e) = e1.checked_sub(e2)
        {
            return Val::dec(m1 / m2, e);
        }
        Val::float(self.f / o.f)
    }

    /// `self ^ exp` for a small integer exponent (`1.1^23`, `2.5^-1`).
    pub fn powi(self, exp: i32) -> Val {
        Val::float(self.f.powi(exp))
    }

    /// The reported number.
    pub fn to_num(self) -> Num {
        if let Some((mut m, mut e)) = self.exact.get() {
            // Whole numbers in 64 bits, the usual case, without 128-bit arithmetic.
            if let (Ok(small), Some(&p)) = (
                i64::try_from(m),
                usize::try_from(e).ok().and_then(|i| POW10_I64.get(i)),
            ) && let Some(v) = small.checked_mul(p)
            {
                return Num::Int(v);
            }
            if let Ok(mut small) = i64::try_from(m) {
                // The same steps in 64 bits: `i128` division is a library call.
                while e < 0 && small % 10 == 0 && small != 0 {
                    small /= 10;
                    e += 1;
                }
                if small == 0 {
                    return Num::Int(0);
                }
                if e < 0 && small.unsigned_abs() < (1u64 << 53) && -e <= 22 {
                    // (`small as f64` is `m as f64`, without the 128-bit library call.)
                    return Num::Float(small as f64 / pow10f(-e));
                }
                m = i128::from(small);
            } else {
                while e < 0 && m % 10 == 0 && m != 0 {
                    m /= 10;
                    e += 1;
                }
            }
            if m == 0 {
                return Num::Int(0);
            }
            if e >= 0 {
                if let Some(v) = pow10(e)
                    .and_then(|p| m.checked_mul(p))
                    .and_then(|v| i64::try_from(v).ok())
                {
                    return Num::Int(v);
                }
            } else if m.unsigned_abs() < (1u128 << 53) && -e <= 22 {
                return Num::Float(m as f64 / pow10f(-e));
            }
            return Num::Float(self.f);
        }
        let f = self.f;
        if f.is_finite() && f.fract() == 0.0 && f.abs() < 9.007_199_254_740_992e15 {
            Num::Int(f as i64)
        } else if f.is_finite() {
            // Thirds and sevenths: keep 15 significant digits, like the sources do,
            // so `2/3` reads 0.666666666666667 and `1/3 × 3` stays 1.
            let rounded = round_sig(f, 15);
            if rounded.fract() == 0.0 && rounded.abs() < 9.007_199_254_740_992e15 {
                Num::Int(rounded as i64)
            } else {
                Num::Float(rounded)
            }
        } else {
            Num::Float(f)
        }
    }
}

fn round_sig(f: f64, digits: i32) -> f64 {
    if f == 0.0 {
        return 0.0;
    }
    let mag = f.abs().log10().floor() as i32;
    let shift = digits - 1 - mag;
    if !(-300..=300).contains(&shift) {
        return f;
    }
    let p = 10f64.powi(shift);
    let r = (f * p).round() / p;
    if r.is_finite() { r } else { f }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_times_scales_stay_integers() {
        assert_eq!(Val::dec(15, -1).mul_pow10(6).to_num(), Num::Int(1_500_000));
        assert_eq!(
            Val::dec(238, -2).mul_pow10(9).to_num(),
            Num::Int(2_380_000_000)
        );
        assert_eq!(
            Val::dec(16745, -1).mul_pow10(6).to_num(),
            Num::Int(1_674_500_000)
        );
        assert_eq!(Val::dec(48, -1).to_num(), Num::Float(4.8));
        assert_eq!(Val::dec(4800, -3).to_num(), Num::Float(4.8));
    }

    #[test]
    fn fractions_round_to_fifteen_digits() {
        let two_thirds = Val::int(2).div(Val::int(3));
        assert_eq!(two_thirds.to_num(), Num::Float(0.666666666666667));
        assert_eq!(Val::int(20).div(Val::int(5)).to_num(), Num::Int(4));
        let x = Val::int(6_000_000).add(two_thirds.mul_pow10(6));
        assert!((x.to_num().as_f64() - 6_666_666.666_666_67).abs() < 1e-6);
    }

    #[test]
    fn products_past_64_bits_stay_exact_or_give_up() {
        // Two 64-bit mantissas multiply without overflow checks; wider ones are checked.
        let min = i128::from(i64::MIN);
        assert_eq!(mul_checked(min, min), Some(1 << 126));
        assert_eq!(mul_checked(i128::MAX, 2), None);
        assert_eq!(mul_pow10_checked(7, 0), Some(7));
        assert_eq!(mul_pow10_checked(3, 19), Some(3 * 10i128.pow(19)));
        assert_eq!(mul_pow10_checked(3, -1), None);
        assert_eq!(mul_pow10_checked(1, MAX_EXP + 1), None);
        // 2.5 trillion dollars and a quarter of a per cent, as the grammar builds them.
        assert_eq!(
            Val::dec(25, -1).mul_pow10(12).to_num(),
            Num::Int(2_500_000_000_000)
        );
        assert_eq!(Val::dec(-25, -2).to_num(), Num::Float(-0.25));
        assert_eq!(Val::dec(0, -3).to_num(), Num::Int(0));
    }

    #[test]
    fn big_integers_are_exact() {
        let v = Val::int(-123_456_789_101_231);
        assert_eq!(v.to_num(), Num::Int(-123_456_789_101_231));
        assert_eq!(
            Val::int(21).mul_pow10(12).add(Val::int(300)).to_num(),
            Num::Int(21_000_000_000_300)
        );
    }
}
